package service

import (
	"context"

	"example.com/sqlcapp/db/pg"
)

// authorName wraps a generated query in a helper.
func authorName(ctx context.Context, q pg.Querier, id int64) string { // want authorName:"runs \\(pg\\.DBTX\\)\\.QueryRow via \\(pg\\.Querier\\)\\.GetAuthor → \\(\\*pg\\.Queries\\)\\.GetAuthor \\[params 2\\]"
	a, _ := q.GetAuthor(ctx, id)
	return a.Name
}

// Names reads through the helper per post, and through a closure.
func Names(ctx context.Context, q pg.Querier, posts []pg.Post) []string {
	var out []string
	for _, p := range posts {
		out = append(out, authorName(ctx, q, p.AuthorID)) // want `N\+1 query: service\.authorName runs \(pg\.DBTX\)\.QueryRow via \(pg\.Querier\)\.GetAuthor → \(\*pg\.Queries\)\.GetAuthor once per element of posts`
	}
	load := func(id int64) (pg.Author, error) { return q.GetAuthor(ctx, id) }
	for _, p := range posts {
		a, _ := load(p.AuthorID) // want `N\+1 query: func literal runs \(pg\.DBTX\)\.QueryRow via \(pg\.Querier\)\.GetAuthor → \(\*pg\.Queries\)\.GetAuthor once per element of posts`
		out = append(out, a.Name)
	}
	return out
}
