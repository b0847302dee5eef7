// Package service uses the store: a repository method per element. // want package:"reaches data access"
package service

import (
	"context"

	"github.com/jackc/pgx/v5"

	"example.com/pgxapp/store"
)

// Post is a post.
type Post struct {
	ID       int64
	AuthorID int64
	Title    string
}

// Bylines asks the repository for each post's author.
func Bylines(ctx context.Context, a store.Authors, posts []Post) []string {
	var out []string
	for _, p := range posts {
		n, _ := a.Name(ctx, p.AuthorID) // want `N\+1 query: \(store\.Authors\)\.Name runs \(\*pgxpool\.Pool\)\.QueryRow via \(\*store\.authors\)\.Name once per element of posts`
		out = append(out, n)
	}
	return out
}

// BylinesAtOnce asks once for every author: no N+1.
func BylinesAtOnce(ctx context.Context, a store.Authors, posts []Post) (map[int64]string, error) { // want BylinesAtOnce:"runs \\(\\*pgxpool\\.Pool\\)\\.Query via \\(store\\.Authors\\)\\.Names → \\(\\*store\\.authors\\)\\.Names \\[params 2\\]"
	ids := make([]int64, len(posts))
	for i, p := range posts {
		ids[i] = p.AuthorID
	}
	return a.Names(ctx, ids)
}

// Retitle saves each post through a helper of another package.
func Retitle(ctx context.Context, tx pgx.Tx, posts []Post) error {
	for _, p := range posts {
		if err := store.Save(ctx, tx, p.ID, p.Title); err != nil { // want `N\+1 query: store\.Save runs \(pgx\.Tx\)\.Exec once per element of posts`
			return err
		}
	}
	return nil
}
