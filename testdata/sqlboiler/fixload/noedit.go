package fixload

import (
	"context"
	"database/sql"
	"fmt"
	"log"

	"github.com/volatiletech/sqlboiler/v4/boil"
	"github.com/volatiletech/sqlboiler/v4/queries/qm"

	"example.com/sqlboilerapp/boilgen/models"
)

// Authors reads each post's author: One returns sql.ErrNoRows for a
// missing author, where a loaded R.Author is nil, so advice only.
func Authors(ctx context.Context, db *sql.DB) ([]string, error) { // want Authors:"runs \\(models\\.postQuery\\)\\.All \\[params 1\\]"
	posts, err := models.Posts().All(ctx, db)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		a, err := p.Author().One(ctx, db) // want `N\+1 query: \(models\.userQuery\)\.One runs once per element of posts .*then read p\.R\.Author \(nil for a missing row, where One returned sql\.ErrNoRows\)`
		if err != nil {
			return nil, err
		}
		out = append(out, a.Name)
	}
	return out, nil
}

// Limited reads each post's first comment: a Limit in the eager load
// would apply to all posts at once.
func Limited(ctx context.Context, db *sql.DB) ([]string, error) { // want Limited:"runs \\(models\\.postQuery\\)\\.All \\[params 1\\]"
	posts, err := models.Posts().All(ctx, db)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		comments, err := p.Comments(qm.OrderBy("id"), qm.Limit(1)).All(ctx, db) // want `N\+1 query: \(models\.commentQuery\)\.All runs once per element of posts`
		if err != nil {
			return nil, err
		}
		for _, c := range comments {
			out = append(out, c.Body)
		}
	}
	return out, nil
}

// ByAuthor filters each post's comments by the post's own author: the
// condition depends on the element.
func ByAuthor(ctx context.Context, db *sql.DB) (int, error) { // want ByAuthor:"runs \\(models\\.postQuery\\)\\.All \\[params 1\\]"
	posts, err := models.Posts().All(ctx, db)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, p := range posts {
		comments, err := p.Comments(models.CommentWhere.AuthorID.EQ(p.AuthorID)).All(ctx, db) // want `N\+1 query: \(models\.commentQuery\)\.All runs once per element of posts`
		if err != nil {
			return 0, err
		}
		n += len(comments)
	}
	return n, nil
}

// Skipping logs a failing post and goes on: the check does more than
// return.
func Skipping(ctx context.Context, db *sql.DB) int { // want Skipping:"runs \\(models\\.postQuery\\)\\.All \\[params 1\\]"
	posts, err := models.Posts().All(ctx, db)
	if err != nil {
		return 0
	}
	n := 0
	for _, p := range posts {
		comments, err := p.Comments().All(ctx, db) // want `N\+1 query: \(models\.commentQuery\)\.All runs once per element of posts`
		if err != nil {
			log.Print(err)
			continue
		}
		n += len(comments)
	}
	return n
}

// Writing adds a comment to each post before reading the next post's:
// an eager load before the loop would miss them.
func Writing(ctx context.Context, db *sql.DB) (int, error) { // want Writing:"runs \\(models\\.postQuery\\)\\.All \\[params 1\\]"
	posts, err := models.Posts().All(ctx, db)
	if err != nil {
		return 0, err
	}
	n := 0
	for i, p := range posts {
		comments, err := p.Comments().All(ctx, db) // want `N\+1 query: \(models\.commentQuery\)\.All runs once per element of posts`
		if err != nil {
			return 0, err
		}
		n += len(comments)
		if i+1 < len(posts) {
			c := &models.Comment{PostID: posts[i+1].ID, AuthorID: p.AuthorID, Body: "next"}
			if err := c.Insert(ctx, db, boil.Infer()); err != nil { // want `N\+1 query: \(\*models\.Comment\)\.Insert runs once per element of posts`
				return 0, err
			}
		}
	}
	return n, nil
}

// Growing appends to the result it read: written again, it is no
// longer the loaded field.
func Growing(ctx context.Context, db *sql.DB) (int, error) { // want Growing:"runs \\(models\\.postQuery\\)\\.All \\[params 1\\]"
	posts, err := models.Posts().All(ctx, db)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, p := range posts {
		comments, err := p.Comments().All(ctx, db) // want `N\+1 query: \(models\.commentQuery\)\.All runs once per element of posts`
		if err != nil {
			return 0, err
		}
		comments = append(comments, &models.Comment{Body: "draft"})
		n += len(comments)
	}
	return n, nil
}

// Spread loads the posts with mods given by the caller: the load cannot
// join a spread slice.
func Spread(ctx context.Context, db *sql.DB, mods ...qm.QueryMod) (int, error) { // want Spread:"runs \\(models\\.postQuery\\)\\.All \\[params 1,2\\]"
	posts, err := models.Posts(mods...).All(ctx, db)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, p := range posts {
		comments, err := p.Comments().All(ctx, db) // want `N\+1 query: \(models\.commentQuery\)\.All runs once per element of posts`
		if err != nil {
			return 0, err
		}
		n += len(comments)
	}
	return n, nil
}

// OtherExecutor reads the comments in a transaction the posts were not
// read in.
func OtherExecutor(ctx context.Context, db *sql.DB, tx *sql.Tx) (int, error) { // want OtherExecutor:"runs \\(models\\.postQuery\\)\\.All \\[params 1\\]"
	posts, err := models.Posts().All(ctx, db)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, p := range posts {
		comments, err := p.Comments().All(ctx, tx) // want `N\+1 query: \(models\.commentQuery\)\.All runs once per element of posts`
		if err != nil {
			return 0, err
		}
		n += len(comments)
	}
	return n, nil
}

// Given reads the comments of posts the caller loaded: the query that
// loaded them is not here to change.
func Given(ctx context.Context, db *sql.DB, posts models.PostSlice) (int, error) {
	n := 0
	for _, p := range posts {
		comments, err := p.Comments().All(ctx, db) // want `N\+1 query: \(models\.commentQuery\)\.All runs once per element of posts`
		if err != nil {
			return 0, err
		}
		n += len(comments)
	}
	return n, nil
}

// Wrapped returns the error wrapped with fmt, its only use of fmt: the
// fix would leave the import unused.
func Wrapped(ctx context.Context, db *sql.DB) (int, error) { // want Wrapped:"runs \\(models\\.postQuery\\)\\.All \\[params 1\\]"
	posts, err := models.Posts().All(ctx, db)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, p := range posts {
		comments, err := p.Comments().All(ctx, db) // want `N\+1 query: \(models\.commentQuery\)\.All runs once per element of posts`
		if err != nil {
			return 0, fmt.Errorf("post %d: %w", p.ID, err)
		}
		n += len(comments)
	}
	return n, nil
}

// Reported reads a count compared with zero and prints it: no Exists.
func Reported(ctx context.Context, db *sql.DB) (bool, error) { // want Reported:"runs \\(models\\.commentQuery\\)\\.Count \\[params 1\\]"
	n, err := models.Comments().Count(ctx, db)
	if err != nil {
		return false, err
	}
	log.Print(n)
	return n > 0, nil
}

// Taken already names a variable exists: the fix would shadow it.
func Taken(ctx context.Context, db *sql.DB, exists bool) (bool, error) { // want Taken:"runs \\(models\\.tagQuery\\)\\.Count \\[params 1\\]"
	n, err := models.Tags().Count(ctx, db) // want `count compared to zero`
	if err != nil {
		return false, err
	}
	return exists && n > 0, nil
}

// Reloading reloads each user before reading its posts' comments: the
// outer loop queries too, so the nested load would read before it.
func Reloading(ctx context.Context, db *sql.DB) (int, error) { // want Reloading:"runs \\(models\\.userQuery\\)\\.All \\[params 1\\]"
	users, err := models.Users(qm.Load(models.UserRels.AuthorPosts)).All(ctx, db)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, u := range users {
		if err := u.Reload(ctx, db); err != nil { // want `N\+1 query: \(\*models\.User\)\.Reload runs once per element of users`
			return 0, err
		}
		for _, p := range u.R.AuthorPosts {
			comments, err := p.Comments().All(ctx, db) // want `N\+1 query: \(models\.commentQuery\)\.All runs once per element of u\.R\.AuthorPosts`
			if err != nil {
				return 0, err
			}
			n += len(comments)
		}
	}
	return n, nil
}
