// Package liteapp uses sqlc's database/sql output (SQLite engine). // want package:"reaches data access"
package liteapp

import (
	"context"
	"database/sql"

	"example.com/sqlcapp/db/lite"
)

// Bylines reads each post's author with a generated :one query.
func Bylines(ctx context.Context, db *sql.DB) ([]string, error) { // want Bylines:"runs \\(lite\\.DBTX\\)\\.QueryContext via \\(\\*lite\\.Queries\\)\\.ListPosts \\[params 1\\]"
	q := lite.New(db)
	posts, err := q.ListPosts(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		a, err := q.GetAuthor(ctx, p.AuthorID) // want `N\+1 query: \(\*lite\.Queries\)\.GetAuthor runs \(lite\.DBTX\)\.QueryRowContext once per element of posts`
		if err != nil {
			return nil, err
		}
		out = append(out, a.Name)
	}
	return out, nil
}

// BylinesAtOnce reads every author with one sqlc.slice query.
func BylinesAtOnce(ctx context.Context, db *sql.DB) ([]string, error) { // want BylinesAtOnce:"runs \\(lite\\.DBTX\\)\\.QueryContext via \\(\\*lite\\.Queries\\)\\.ListPosts \\[params 1\\]"
	q := lite.New(db)
	posts, err := q.ListPosts(ctx)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(posts))
	for _, p := range posts {
		ids = append(ids, p.AuthorID)
	}
	authors, err := q.ListAuthorsByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	byID := map[int64]string{}
	for _, a := range authors {
		byID[a.ID] = a.Name
	}
	out := make([]string, 0, len(posts))
	for _, p := range posts {
		out = append(out, byID[p.AuthorID])
	}
	return out, nil
}

// Delete deletes each post in a transaction, through the Querier.
func Delete(ctx context.Context, tx *sql.Tx, ids []int64) error {
	var q lite.Querier = lite.New(db(tx))
	for _, id := range ids {
		if err := q.DeletePost(ctx, id); err != nil { // want `N\+1 query: \(lite\.Querier\)\.DeletePost runs \(lite\.DBTX\)\.ExecContext via \(\*lite\.Queries\)\.DeletePost once per element of ids`
			return err
		}
	}
	return nil
}

func db(tx *sql.Tx) lite.DBTX { return tx }
