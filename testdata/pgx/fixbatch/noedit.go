package fixbatch

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// OnPool writes outside a transaction: a batch would be all or nothing
// where the loop keeps the rows before a failure. No fix.
func OnPool(ctx context.Context, pool *pgxpool.Pool, posts []Post) error {
	for _, p := range posts {
		if _, err := pool.Exec(ctx, "UPDATE posts SET read = true WHERE id = $1", p.ID); err != nil { // want `N\+1 query: \(\*pgxpool\.Pool\)\.Exec runs once per element of posts`
			return err
		}
	}
	return nil
}

// NamedError returns an error naming the post: the one check after a
// batch cannot. No fix.
func NamedError(ctx context.Context, tx pgx.Tx, posts []Post) error {
	for _, p := range posts {
		if _, err := tx.Exec(ctx, "UPDATE posts SET read = true WHERE id = $1", p.ID); err != nil { // want `N\+1 query: \(pgx\.Tx\)\.Exec runs once per element of posts`
			return fmt.Errorf("post %d: %w", p.ID, err)
		}
	}
	return nil
}

// Counted reads each command tag. No fix.
func Counted(ctx context.Context, tx pgx.Tx, posts []Post) (int64, error) {
	var n int64
	for _, p := range posts {
		tag, err := tx.Exec(ctx, "DELETE FROM drafts WHERE post_id = $1", p.ID) // want `N\+1 query: \(pgx\.Tx\)\.Exec runs once per element of posts`
		if err != nil {
			return n, err
		}
		n += tag.RowsAffected()
	}
	return n, nil
}

// Looked looks something up for each row before writing it: queued, the
// writes would come after every lookup. No fix.
func Looked(ctx context.Context, tx pgx.Tx, posts []Post) error {
	for _, p := range posts {
		if _, err := tx.Exec(ctx, "UPDATE posts SET slug = $2 WHERE id = $1", p.ID, slug(ctx, tx, p)); err != nil { // want `N\+1 query: fixbatch\.slug runs \(pgx\.Tx\)\.QueryRow once per element of posts` `N\+1 query: \(pgx\.Tx\)\.Exec runs once per element of posts`
			return err
		}
	}
	return nil
}

func slug(ctx context.Context, tx pgx.Tx, p Post) string { // want slug:"runs \\(pgx\\.Tx\\)\\.QueryRow \\[params 1,2\\]"
	var s string
	_ = tx.QueryRow(ctx, "SELECT slug FROM slugs WHERE title = $1", p.Title).Scan(&s)
	return s
}

// Skips leaves some iterations early. No fix.
func Skips(ctx context.Context, tx pgx.Tx, posts []Post) error {
	for _, p := range posts {
		if p.Title == "" {
			continue
		}
		if _, err := tx.Exec(ctx, "UPDATE posts SET read = true WHERE id = $1", p.ID); err != nil { // want `N\+1 query: \(pgx\.Tx\)\.Exec runs once per element of posts`
			return err
		}
	}
	return nil
}
