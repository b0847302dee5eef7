// Package fixload holds the sqlboiler N+1s that nplusonelint -fix
// rewrites, on the models sqlboiler v4.19.1 generated for
// boilgen/schema.sql; the cases it leaves alone are in noedit.go.
package fixload

import (
	"context"
	"database/sql"

	"github.com/volatiletech/sqlboiler/v4/queries/qm"

	"example.com/sqlboilerapp/boilgen/models"
)

// Comments reads each post's comments with one query per post.
func Comments(ctx context.Context, db *sql.DB) ([]string, error) { // want Comments:"runs \\(models\\.postQuery\\)\\.All \\[params 1\\]"
	posts, err := models.Posts(qm.OrderBy("id")).All(ctx, db)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		comments, err := p.Comments().All(ctx, db) // want `N\+1 query: \(models\.commentQuery\)\.All runs once per element of posts`
		if err != nil {
			return nil, err
		}
		for _, c := range comments {
			out = append(out, p.Title+": "+c.Body)
		}
	}
	return out, nil
}

// Approved reads each post's approved comments, newest first: the
// conditions and the order carry over into the eager load.
func Approved(ctx context.Context, db *sql.DB) ([]string, error) { // want Approved:"runs \\(models\\.postQuery\\)\\.All \\[params 1\\]"
	posts, err := models.Posts(
		qm.Where("title <> ?", ""),
		qm.OrderBy("id"),
	).All(ctx, db)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		comments, err := p.Comments(models.CommentWhere.Approved.EQ(true), qm.OrderBy("id DESC")).All(ctx, db) // want `N\+1 query: \(models\.commentQuery\)\.All runs once per element of posts`
		if err != nil {
			return nil, err
		}
		out = append(out, p.Title)
		for _, c := range comments {
			out = append(out, c.Body)
		}
	}
	return out, nil
}

// PostsPerAuthor counts each user's posts, the relation named after its
// foreign key (author_id: AuthorPosts); the error is ignored, the range
// value goes with the statement.
func PostsPerAuthor(ctx context.Context, db *sql.DB) ([]int, error) { // want PostsPerAuthor:"runs \\(models\\.userQuery\\)\\.All \\[params 1\\]"
	users, err := models.Users(qm.OrderBy("id")).All(ctx, db)
	if err != nil {
		return nil, err
	}
	counts := make([]int, len(users))
	for i, u := range users {
		posts, _ := u.AuthorPosts(qm.Where("title LIKE ?", "post%")).All(ctx, db) // want `N\+1 query: \(models\.postQuery\)\.All runs once per element of users`
		counts[i] = len(posts)
	}
	return counts, nil
}

// Threads reads the comments of each post of each user, the posts loaded
// with the users: the nested load AuthorPosts.Comments.
func Threads(ctx context.Context, db *sql.DB) ([]string, error) { // want Threads:"runs \\(models\\.userQuery\\)\\.All \\[params 1\\]"
	users, err := models.Users(qm.Load(models.UserRels.AuthorPosts, qm.OrderBy("id")), qm.OrderBy("id")).All(ctx, db)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, u := range users {
		for _, p := range u.R.AuthorPosts {
			comments, err := p.Comments(qm.OrderBy("id")).All(ctx, db) // want `N\+1 query: \(models\.commentQuery\)\.All runs once per element of u\.R\.AuthorPosts`
			if err != nil {
				return nil, err
			}
			for _, c := range comments {
				out = append(out, u.Name+"/"+p.Title+"/"+c.Body)
			}
		}
	}
	return out, nil
}
