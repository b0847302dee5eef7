// Package service uses sqlc's generated queries (pgx v5): a generated
// method per element, through Queries and through the Querier interface.
package service

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/sqlcapp/db/pg"
	"example.com/sqlcapp/db/pgarg"
)

// Bylines reads each post's author with a generated :one query.
func Bylines(ctx context.Context, q *pg.Queries) ([]string, error) { // want Bylines:"runs \\(pg\\.DBTX\\)\\.Query via \\(\\*pg\\.Queries\\)\\.ListPosts \\[params 1\\]"
	posts, err := q.ListPosts(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		a, err := q.GetAuthor(ctx, p.AuthorID) // want `N\+1 query: \(\*pg\.Queries\)\.GetAuthor runs \(pg\.DBTX\)\.QueryRow once per element of posts`
		if err != nil {
			return nil, err
		}
		out = append(out, a.Name)
	}
	return out, nil
}

// Counts counts each author's posts through the Querier interface.
func Counts(ctx context.Context, q pg.Querier, authors []pg.Author) map[int64]int64 {
	out := map[int64]int64{}
	for _, a := range authors {
		n, _ := q.CountPosts(ctx, a.ID) // want `N\+1 query: \(pg\.Querier\)\.CountPosts runs \(pg\.DBTX\)\.QueryRow via \(\*pg\.Queries\)\.CountPosts once per element of authors`
		out[a.ID] = n
	}
	return out
}

// Purge deletes each post in a transaction, with WithTx.
func Purge(ctx context.Context, pool *pgxpool.Pool, ids []int64) error {
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		q := pg.New(tx)
		for _, id := range ids {
			if err := q.DeletePost(ctx, id); err != nil { // want `N\+1 query: \(\*pg\.Queries\)\.DeletePost runs \(pg\.DBTX\)\.Exec once per element of ids`
				return err
			}
		}
		return nil
	})
}

// Import creates each post in a goroutine.
func Import(ctx context.Context, q *pg.Queries, posts []pg.CreatePostParams) {
	for _, p := range posts {
		go func() {
			_, _ = q.CreatePost(ctx, p) // want `N\+1 query: \(\*pg\.Queries\)\.CreatePost runs \(pg\.DBTX\)\.Exec once per element of posts`
		}()
	}
}

// Nested reads each author while the rows of another query are open.
func Nested(ctx context.Context, conn *pgx.Conn, q *pg.Queries) ([]string, error) { // want Nested:"runs \\(\\*pgx\\.Conn\\)\\.Query \\[params 1\\]"
	rows, err := conn.Query(ctx, "SELECT author_id FROM posts")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		a, err := q.GetAuthor(ctx, id) // want `N\+1 query: \(\*pg\.Queries\)\.GetAuthor runs \(pg\.DBTX\)\.QueryRow once per element of rows`
		if err != nil {
			return nil, err
		}
		out = append(out, a.Name)
	}
	return out, rows.Err()
}

// Marks sends one :batchexec batch per post: still a round trip each.
func Marks(ctx context.Context, q *pg.Queries, posts []pg.Post) {
	for _, p := range posts {
		q.MarkPosts(ctx, []pg.MarkPostsParams{{ID: p.ID, Title: p.Title}}).Exec(nil) // want `N\+1 query: \(\*pg\.Queries\)\.MarkPosts runs \(pg\.DBTX\)\.SendBatch once per element of posts`
	}
}

// AddAuthors inserts each author with a :one INSERT … RETURNING: a write
// per element, whose advice is a bulk write.
func AddAuthors(ctx context.Context, q *pg.Queries, authors []pg.AddAuthorParams) []pg.Author {
	var out []pg.Author
	for _, a := range authors {
		added, _ := q.AddAuthor(ctx, a) // want `N\+1 query: \(\*pg\.Queries\)\.AddAuthor runs \(pg\.DBTX\)\.QueryRow once per element of authors .*write all rows with one generated bulk query: :copyfrom or :batchexec`
		out = append(out, added)
	}
	return out
}

// ArgBylines uses queries generated to take their DBTX as an argument.
func ArgBylines(ctx context.Context, pool *pgxpool.Pool) []string { // want ArgBylines:"runs \\(pgarg\\.DBTX\\)\\.Query via \\(\\*pgarg\\.Queries\\)\\.ListPosts \\[params 1\\]"
	q := pgarg.New()
	posts, _ := q.ListPosts(ctx, pool)
	var out []string
	for _, p := range posts {
		a, _ := q.GetAuthor(ctx, pool, p.AuthorID) // want `N\+1 query: \(\*pgarg\.Queries\)\.GetAuthor runs \(pgarg\.DBTX\)\.QueryRow once per element of posts`
		out = append(out, a.Name)
	}
	return out
}
