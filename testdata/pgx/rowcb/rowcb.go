package rowcb

// Queries in the function pgx.ForEachRow, CollectRows and AppendRows call
// once per row they read.

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/pgxapp/store"
)

// Post is a row of posts.
type Post struct {
	ID       int64
	AuthorID int64
	Title    string
}

// Each row is scanned into id and authorID before the callback runs.
func direct(ctx context.Context, pool *pgxpool.Pool) ([]string, error) { // want direct:"runs \\(\\*pgxpool\\.Pool\\)\\.Query \\[params 1\\]"
	rows, err := pool.Query(ctx, "SELECT id, author_id FROM posts")
	if err != nil {
		return nil, err
	}
	var id, authorID int64
	var names []string
	_, err = pgx.ForEachRow(rows, []any{&id, &authorID}, func() error {
		var n string
		err := pool.QueryRow(ctx, "SELECT name FROM authors WHERE id = $1", authorID).Scan(&n) // want `N\+1 query: \(\*pgxpool\.Pool\)\.QueryRow runs once per row read by pgx\.ForEachRow \(ForEachRow at rowcb.go:30; rows from \(\*pgxpool\.Pool\)\.Query at rowcb.go:24\); collect the keys in the callback and run one query for all of them after ForEachRow`
		names = append(names, n)
		return err
	})
	return names, err
}

// The rows scanned into a struct's fields; the callback a closure
// variable calling a repository of another package.
func viaRepository(ctx context.Context, conn *pgx.Conn, authors store.Authors) (map[int64]string, error) { // want viaRepository:"runs \\(\\*pgx\\.Conn\\)\\.Query \\[params 1\\]"
	rows, err := conn.Query(ctx, "SELECT id, author_id, title FROM posts")
	if err != nil {
		return nil, err
	}
	var p Post
	scans := []any{&p.ID, &p.AuthorID, &p.Title}
	out := map[int64]string{}
	each := func() error {
		n, err := authors.Name(ctx, p.AuthorID) // want `N\+1 query: \(store\.Authors\)\.Name runs \(\*pgxpool\.Pool\)\.QueryRow via \(\*store\.authors\)\.Name once per row read by pgx\.ForEachRow`
		out[p.ID] = n
		return err
	}
	_, err = pgx.ForEachRow(rows, scans, each)
	return out, err
}

// CollectRows calls its function with each row.
func collect(ctx context.Context, conn *pgx.Conn, tx pgx.Tx) ([]Post, error) { // want collect:"runs \\(\\*pgx\\.Conn\\)\\.Query \\[params 1\\]"
	rows, err := conn.Query(ctx, "SELECT id, author_id FROM posts")
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (Post, error) {
		var p Post
		if err := row.Scan(&p.ID, &p.AuthorID); err != nil {
			return p, err
		}
		err := store.Save(ctx, tx, p.ID, "seen") // want `N\+1 query: store\.Save runs \(pgx\.Tx\)\.Exec once per row read by pgx\.CollectRows .*run one statement for all of them after CollectRows`
		return p, err
	})
}

// titler reads each post's title from a method value.
type titler struct{ pool *pgxpool.Pool }

func (t *titler) title(row pgx.CollectableRow) (Post, error) { // want title:"runs \\(\\*pgxpool\\.Pool\\)\\.QueryRow \\[params 0,1\\]"
	var p Post
	if err := row.Scan(&p.ID); err != nil {
		return p, err
	}
	err := t.pool.QueryRow(context.Background(), "SELECT title FROM posts WHERE id = $1", p.ID).Scan(&p.Title)
	return p, err
}

func (t *titler) all(ctx context.Context, posts []Post) ([]Post, error) { // want all:"runs \\(\\*pgxpool\\.Pool\\)\\.Query \\[params 0\\]"
	rows, err := t.pool.Query(ctx, "SELECT id FROM posts")
	if err != nil {
		return nil, err
	}
	return pgx.AppendRows(posts, rows, t.title) // want `N\+1 query: pgx\.AppendRows runs \(\*pgxpool\.Pool\)\.QueryRow via \(\*rowcb\.titler\)\.title once per row read by pgx\.AppendRows`
}
