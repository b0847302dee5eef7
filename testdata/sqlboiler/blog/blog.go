// Package blog holds sqlboiler N+1s written in one function, and the loops // want package:"reaches data access"
// that are not N+1s.
package blog

import (
	"context"
	"database/sql"

	"github.com/volatiletech/sqlboiler/v4/boil"
	"github.com/volatiletech/sqlboiler/v4/queries/qm"
	"golang.org/x/sync/errgroup"

	"example.com/sqlboilerapp/models"
)

// PostsPerUser reads each user's posts with one query per user.
func PostsPerUser(ctx context.Context, db *sql.DB) (int, error) { // want PostsPerUser:"runs \\(models\\.userQuery\\)\\.All \\[params 1\\]"
	users, err := models.Users().All(ctx, db)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, u := range users {
		posts, err := u.Posts(qm.Where("published = ?", true)).All(ctx, db) // want `N\+1 query: \(models\.postQuery\)\.All runs once per element of users`
		if err != nil {
			return 0, err
		}
		n += len(posts)
	}
	return n, nil
}

// Authors reads each post's author, the to-one accessor.
func Authors(ctx context.Context, exec boil.ContextExecutor) ([]string, error) { // want Authors:"runs \\(models\\.postQuery\\)\\.All \\[params 1\\]"
	posts, err := models.Posts().All(ctx, exec)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, p := range posts {
		a, err := p.User().One(ctx, exec) // want `N\+1 query: \(models\.userQuery\)\.One runs once per element of posts`
		if err != nil {
			return nil, err
		}
		names = append(names, a.Name)
	}
	return names, nil
}

// Find fetches rows one by one by key.
func Find(ctx context.Context, db *sql.DB, ids []int64) ([]*models.Post, error) {
	var out []*models.Post
	for _, id := range ids {
		p, err := models.FindPost(ctx, db, id) // want `N\+1 query: models\.FindPost runs once per element of ids`
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// ByQuery builds a query from the element's key.
func ByQuery(ctx context.Context, db *sql.DB, users models.UserSlice) (int64, error) {
	var n int64
	for _, u := range users {
		c, err := models.Posts(qm.Where("user_id = ?", u.ID)).Count(ctx, db) // want `N\+1 query: \(models\.postQuery\)\.Count runs once per element of users`
		if err != nil {
			return 0, err
		}
		n += c
	}
	return n, nil
}

// Nested reads each post's comments of each loaded user's posts.
func Nested(ctx context.Context, db *sql.DB) (int, error) { // want Nested:"runs \\(models\\.userQuery\\)\\.All \\[params 1\\]"
	users, err := models.Users(qm.Load(models.UserRels.Posts)).All(ctx, db)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, u := range users {
		for _, p := range u.R.Posts {
			cs, err := p.Comments().All(ctx, db) // want `N\+1 query: \(models\.commentQuery\)\.All runs once per element of u\.R\.Posts`
			if err != nil {
				return 0, err
			}
			n += len(cs)
		}
	}
	return n, nil
}

// Closure queries inside a function the loop calls.
func Closure(ctx context.Context, db *sql.DB, posts models.PostSlice) {
	has := func(p *models.Post) bool {
		ok, _ := p.Comments().Exists(ctx, db)
		return ok
	}
	for _, p := range posts {
		_ = has(p) // want `N\+1 query: func literal runs \(models\.commentQuery\)\.Exists once per element of posts`
	}
}

// Goroutines start one query per post.
func Goroutines(ctx context.Context, db *sql.DB, posts models.PostSlice) error {
	var g errgroup.Group
	for _, p := range posts {
		g.Go(func() error {
			_, err := models.PostExists(ctx, db, p.ID) // want `N\+1 query: models\.PostExists runs once per element of posts`
			return err
		})
	}
	return g.Wait()
}

// Publish updates each post on its own.
func Publish(ctx context.Context, db *sql.DB, posts models.PostSlice) error {
	for _, p := range posts {
		p.Published = true
		if _, err := p.Update(ctx, db, boil.Infer()); err != nil { // want `N\+1 query: \(\*models\.Post\)\.Update runs once per element of posts`
			return err
		}
	}
	return nil
}

// Import inserts a post per title.
func Import(ctx context.Context, db *sql.DB, u *models.User, titles []string) error {
	for _, t := range titles {
		p := &models.Post{UserID: u.ID, Title: t}
		if err := p.Insert(ctx, db, boil.Infer()); err != nil { // want `N\+1 query: \(\*models\.Post\)\.Insert runs once per element of titles`
			return err
		}
	}
	return nil
}

// HasPosts counts to learn whether there is one.
func HasPosts(ctx context.Context, db *sql.DB, u *models.User) (bool, error) { // want HasPosts:"runs \\(models\\.postQuery\\)\\.Count \\[params 1,2\\]"
	n, err := u.Posts().Count(ctx, db) // want `count compared to zero: \(models\.postQuery\)\.Count counts every matching row to learn whether there is one`
	if err != nil {
		return false, err
	}
	return n > 0, nil
}

// Eager reads what qm.Load loaded: no query in the loop.
func Eager(ctx context.Context, db *sql.DB) (int, error) { // want Eager:"runs \\(models\\.userQuery\\)\\.All \\[params 1\\]"
	users, err := models.Users(qm.Load("Posts.Comments")).All(ctx, db)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, u := range users {
		for _, p := range u.R.Posts {
			n += len(p.R.Comments)
		}
	}
	return n, nil
}

// Builders builds per element and runs one query after the loop.
func Builders(ctx context.Context, db *sql.DB, users models.UserSlice) (models.PostSlice, error) { // want Builders:"runs \\(models\\.postQuery\\)\\.All \\[params 1,2\\]"
	var ids []interface{}
	for _, u := range users {
		_ = u.Posts(qm.Where("published = ?", true))
		ids = append(ids, u.ID)
	}
	return models.Posts(qm.WhereIn("user_id in ?", ids...)).All(ctx, db)
}

// Batched deletes one chunk per statement.
func Batched(ctx context.Context, db *sql.DB, ids []interface{}) error { // want Batched:"runs \\(models\\.postQuery\\)\\.DeleteAll \\[params 1,2\\]"
	for i := 0; i < len(ids); i += 100 {
		chunk := ids[i:min(i+100, len(ids))]
		if _, err := models.Posts(qm.WhereIn("id in ?", chunk...)).DeleteAll(ctx, db); err != nil {
			return err
		}
	}
	return nil
}

// Paginated reads one page per query.
func Paginated(ctx context.Context, db *sql.DB) (int, error) { // want Paginated:"runs \\(models\\.postQuery\\)\\.All \\[params 1\\]"
	n := 0
	for offset := 0; ; offset += 50 {
		page, err := models.Posts(qm.Limit(50), qm.Offset(offset)).All(ctx, db)
		if err != nil {
			return 0, err
		}
		if len(page) == 0 {
			return n, nil
		}
		n += len(page)
	}
}

// Literal counts two fixed kinds.
func Literal(ctx context.Context, db *sql.DB) (int64, error) { // want Literal:"runs \\(models\\.postQuery\\)\\.Count \\[params 1\\]"
	var n int64
	for _, published := range []bool{true, false} {
		c, err := models.Posts(qm.Where("published = ?", published)).Count(ctx, db)
		if err != nil {
			return 0, err
		}
		n += c
	}
	return n, nil
}
