// Package fixbatch holds Execs per element that one pgx.Batch replaces, // want package:"reaches data access"
// and those it does not.
package fixbatch

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Post is a row of posts.
type Post struct {
	ID    int64
	Title string
}

// MarkRead updates each post in the caller's transaction.
func MarkRead(ctx context.Context, tx pgx.Tx, posts []Post) error {
	for _, p := range posts {
		if _, err := tx.Exec(ctx, "UPDATE posts SET read = true WHERE id = $1", p.ID); err != nil { // want `N\+1 query: \(pgx\.Tx\)\.Exec runs once per element of posts`
			return fmt.Errorf("mark read: %w", err)
		}
	}
	return nil
}

// Retitle normalises each title first, and ignores the errors.
func Retitle(ctx context.Context, tx *pgxpool.Tx, posts []Post) {
	for _, p := range posts {
		title := strings.TrimSpace(p.Title)
		_, _ = tx.Exec(ctx, "UPDATE posts SET title = $2 WHERE id = $1", p.ID, title) // want `N\+1 query: \(\*pgxpool\.Tx\)\.Exec runs once per element of posts`
	}
}

// Tag inserts a tag per id, the arguments spread from a slice.
func Tag(ctx context.Context, tx pgx.Tx, ids map[int64]string) (int, error) {
	for id, tag := range ids {
		args := []any{id, tag}
		if _, err := tx.Exec(ctx, "INSERT INTO tags (post_id, tag) VALUES ($1, $2)", args...); err != nil { // want `N\+1 query: \(pgx\.Tx\)\.Exec runs once per element of ids`
			return 0, err
		}
	}
	return len(ids), nil
}

