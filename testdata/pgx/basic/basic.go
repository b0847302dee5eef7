// Package basic holds pgx N+1s written in one function, and the loops // want package:"reaches data access"
// that are none.
package basic

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Post is a row of posts.
type Post struct {
	ID       int64
	AuthorID int64
	Title    string
}

// AuthorNames queries each post's author while the posts' rows are still
// open on the same connection.
func AuthorNames(ctx context.Context, conn *pgx.Conn) ([]string, error) { // want AuthorNames:"runs \\(\\*pgx\\.Conn\\)\\.Query \\[params 1\\]"
	rows, err := conn.Query(ctx, "SELECT id, author_id, title FROM posts")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var p Post
		if err := rows.Scan(&p.ID, &p.AuthorID, &p.Title); err != nil {
			return nil, err
		}
		var name string
		if err := conn.QueryRow(ctx, "SELECT name FROM authors WHERE id = $1", p.AuthorID).Scan(&name); err != nil { // want `N\+1 query: \(\*pgx\.Conn\)\.QueryRow runs once per element of rows .*WHERE id = ANY\(\$1\) with the keys as a slice`
			return nil, err
		}
		names = append(names, name)
	}
	return names, rows.Err()
}

// MarkRead runs one UPDATE per post through the pgx.Tx interface.
func MarkRead(ctx context.Context, tx pgx.Tx, posts []Post) error {
	for _, p := range posts {
		if _, err := tx.Exec(ctx, "UPDATE posts SET read = true WHERE id = $1", p.ID); err != nil { // want `N\+1 query: \(pgx\.Tx\)\.Exec runs once per element of posts .*queue the statements in one pgx\.Batch and send it once with SendBatch, or copy the rows with CopyFrom`
			return fmt.Errorf("post %d: %w", p.ID, err)
		}
	}
	return nil
}

// PoolTitles reads through a pool, with a closure.
func PoolTitles(ctx context.Context, pool *pgxpool.Pool, ids []int64) []string {
	var out []string
	load := func(id int64) string {
		var t string
		_ = pool.QueryRow(ctx, "SELECT title FROM posts WHERE id = $1", id).Scan(&t)
		return t
	}
	for _, id := range ids {
		out = append(out, load(id)) // want `N\+1 query: func literal runs \(\*pgxpool\.Pool\)\.QueryRow once per element of ids`
	}
	return out
}

// Touch starts a goroutine per id on an acquired pool connection.
func Touch(ctx context.Context, c *pgxpool.Conn, ids []int64) {
	for _, id := range ids {
		go func() {
			_, _ = c.Exec(ctx, "UPDATE posts SET touched = now() WHERE id = $1", id) // want `N\+1 query: \(\*pgxpool\.Conn\)\.Exec runs once per element of ids`
		}()
	}
}

// Batches sends one batch per post: a round trip each.
func Batches(ctx context.Context, tx *pgxpool.Tx, posts []Post) error {
	for _, p := range posts {
		b := &pgx.Batch{}
		b.Queue("UPDATE posts SET read = true WHERE id = $1", p.ID)
		b.Queue("UPDATE authors SET seen = true WHERE id = $1", p.AuthorID)
		if err := tx.SendBatch(ctx, b).Close(); err != nil { // want `N\+1 query: \(\*pgxpool\.Tx\)\.SendBatch runs once per element of posts`
			return err
		}
	}
	return nil
}

// Copies copies one row per call.
func Copies(ctx context.Context, conn *pgx.Conn, posts []Post) error {
	for _, p := range posts {
		if _, err := conn.CopyFrom(ctx, pgx.Identifier{"read"}, []string{"post_id"}, pgx.CopyFromRows([][]any{{p.ID}})); err != nil { // want `N\+1 query: \(\*pgx\.Conn\)\.CopyFrom runs once per element of posts`
			return err
		}
	}
	return nil
}

// InTx runs a query per post inside pgx.BeginFunc's callback.
func InTx(ctx context.Context, pool *pgxpool.Pool, posts []Post) error {
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		for _, p := range posts {
			if _, err := tx.Exec(ctx, "DELETE FROM drafts WHERE post_id = $1", p.ID); err != nil { // want `N\+1 query: \(pgx\.Tx\)\.Exec runs once per element of posts`
				return err
			}
		}
		return nil
	})
}

// AsEachUser sets the user per post, then updates it: the SET is no
// script, and the UPDATE runs once per post.
func AsEachUser(ctx context.Context, tx pgx.Tx, posts []Post) error { // want AsEachUser:"runs \\(pgx\\.Tx\\)\\.Exec \\[params none\\]"
	for _, p := range posts {
		if _, err := tx.Exec(ctx, fmt.Sprintf("SET LOCAL app.user = '%d'", p.AuthorID)); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "UPDATE posts SET read = true WHERE id = $1", p.ID); err != nil { // want `N\+1 query: \(pgx\.Tx\)\.Exec runs once per element of posts`
			return err
		}
	}
	return nil
}
