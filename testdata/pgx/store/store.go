// Package store is a repository over a pgx pool, behind an interface. // want package:"reaches data access"
package store

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Authors reads authors.
type Authors interface {
	Name(ctx context.Context, id int64) (string, error) // want Name:"runs \\(\\*pgxpool\\.Pool\\)\\.QueryRow via \\(\\*store\\.authors\\)\\.Name \\[params 1\\]"
	Names(ctx context.Context, ids []int64) (map[int64]string, error) // want Names:"runs \\(\\*pgxpool\\.Pool\\)\\.Query via \\(\\*store\\.authors\\)\\.Names \\[params 1\\]"
}

type authors struct{ pool *pgxpool.Pool }

// NewAuthors returns the pool's Authors.
func NewAuthors(pool *pgxpool.Pool) Authors { return &authors{pool: pool} }

func (a *authors) Name(ctx context.Context, id int64) (string, error) { // want Name:"runs \\(\\*pgxpool\\.Pool\\)\\.QueryRow \\[params 0,2\\]"
	var n string
	err := a.pool.QueryRow(ctx, "SELECT name FROM authors WHERE id = $1", id).Scan(&n)
	return n, err
}

func (a *authors) Names(ctx context.Context, ids []int64) (map[int64]string, error) { // want Names:"runs \\(\\*pgxpool\\.Pool\\)\\.Query \\[params 0,2\\]"
	rows, err := a.pool.Query(ctx, "SELECT id, name FROM authors WHERE id = ANY($1)", ids)
	if err != nil {
		return nil, err
	}
	out := map[int64]string{}
	var id int64
	var n string
	_, err = pgx.ForEachRow(rows, []any{&id, &n}, func() error {
		out[id] = n
		return nil
	})
	return out, err
}

// Save writes a post's title in tx.
func Save(ctx context.Context, tx pgx.Tx, id int64, title string) error { // want Save:"runs \\(pgx\\.Tx\\)\\.Exec \\[params 1,2,3\\]"
	_, err := tx.Exec(ctx, "UPDATE posts SET title = $2 WHERE id = $1", id, title)
	return err
}
