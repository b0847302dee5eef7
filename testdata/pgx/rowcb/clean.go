package rowcb // want package:"reaches data access"

// Row callbacks that run no query per row.

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// The callback collects the keys; one query after ForEachRow loads them.
func collectKeys(ctx context.Context, pool *pgxpool.Pool) ([]string, error) { // want collectKeys:"runs \\(\\*pgxpool\\.Pool\\)\\.Query \\[params 1\\]"
	rows, err := pool.Query(ctx, "SELECT author_id FROM posts")
	if err != nil {
		return nil, err
	}
	var authorID int64
	var ids []int64
	if _, err := pgx.ForEachRow(rows, []any{&authorID}, func() error {
		ids = append(ids, authorID)
		return nil
	}); err != nil {
		return nil, err
	}
	rows, err = pool.Query(ctx, "SELECT name FROM authors WHERE id = ANY($1)", ids)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// A query in the callback that does not depend on the row (the tenant is
// captured, not scanned) is not reported, as in a loop.
func invariant(ctx context.Context, pool *pgxpool.Pool, tenant int64) (int, error) { // want invariant:"runs \\(\\*pgxpool\\.Pool\\)\\.Query \\[params 1,2\\]"
	rows, err := pool.Query(ctx, "SELECT id FROM posts")
	if err != nil {
		return 0, err
	}
	var id int64
	seen := 0
	_, err = pgx.ForEachRow(rows, []any{&id}, func() error {
		seen++
		return pool.QueryRow(ctx, "SELECT count(*) FROM authors WHERE tenant = $1", tenant).Scan(new(int))
	})
	return seen, err
}
