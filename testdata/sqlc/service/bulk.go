package service // want package:"reaches data access"

import (
	"context"

	"example.com/sqlcapp/db/pg"
)

// BylinesAtOnce reads every author with one = ANY($1) query after the loop.
func BylinesAtOnce(ctx context.Context, q *pg.Queries, posts []pg.Post) (map[int64]string, error) { // want BylinesAtOnce:"runs \\(pg\\.DBTX\\)\\.Query via \\(\\*pg\\.Queries\\)\\.ListAuthorsByIDs \\[params 1,2\\]"
	ids := make([]int64, 0, len(posts))
	for _, p := range posts {
		ids = append(ids, p.AuthorID)
	}
	authors, err := q.ListAuthorsByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := map[int64]string{}
	for _, a := range authors {
		out[a.ID] = a.Name
	}
	return out, nil
}

// CopyAll writes every post with the :copyfrom method.
func CopyAll(ctx context.Context, q *pg.Queries, posts []pg.Post) (int64, error) { // want CopyAll:"runs \\(pg\\.DBTX\\)\\.CopyFrom via \\(\\*pg\\.Queries\\)\\.CreatePosts \\[params 1,2\\]"
	rows := make([]pg.CreatePostsParams, 0, len(posts))
	for _, p := range posts {
		rows = append(rows, pg.CreatePostsParams{ID: p.ID, AuthorID: p.AuthorID, Title: p.Title})
	}
	return q.CreatePosts(ctx, rows)
}

// MarkAll queues a row per post into one :batchexec call, and reads the
// results per row: nothing more is sent.
func MarkAll(ctx context.Context, q *pg.Queries, posts []pg.Post) error { // want MarkAll:"runs \\(pg\\.DBTX\\)\\.SendBatch via \\(\\*pg\\.Queries\\)\\.MarkPosts \\[params 1,2\\]"
	args := make([]pg.MarkPostsParams, 0, len(posts))
	for _, p := range posts {
		args = append(args, pg.MarkPostsParams{ID: p.ID, Title: p.Title})
	}
	var first error
	q.MarkPosts(ctx, args).Exec(func(i int, err error) {
		if err != nil && first == nil {
			first = err
		}
	})
	return first
}

// AuthorsBatch reads authors with a :batchone call.
func AuthorsBatch(ctx context.Context, q *pg.Queries, ids []int64) []string { // want AuthorsBatch:"runs \\(pg\\.DBTX\\)\\.SendBatch via \\(\\*pg\\.Queries\\)\\.GetAuthors \\[params 1,2\\]"
	var out []string
	q.GetAuthors(ctx, ids).QueryRow(func(i int, a pg.Author, err error) {
		out = append(out, a.Name)
	})
	return out
}

// FirstAuthor leaves the loop after its first query.
func FirstAuthor(ctx context.Context, q *pg.Queries, posts []pg.Post) string { // want FirstAuthor:"runs \\(pg\\.DBTX\\)\\.QueryRow via \\(\\*pg\\.Queries\\)\\.GetAuthor \\[params 1,2\\]"
	for _, p := range posts {
		a, _ := q.GetAuthor(ctx, p.AuthorID)
		return a.Name
	}
	return ""
}

// PerShard fans out over the shards' Queries.
func PerShard(ctx context.Context, shards []*pg.Queries) int { // want PerShard:"runs \\(pg\\.DBTX\\)\\.Query via \\(\\*pg\\.Queries\\)\\.ListPosts \\[params 1\\]"
	n := 0
	for _, q := range shards {
		posts, _ := q.ListPosts(ctx)
		n += len(posts)
	}
	return n
}

// Literal reads two fixed authors.
func Literal(ctx context.Context, q *pg.Queries) []string { // want Literal:"runs \\(pg\\.DBTX\\)\\.QueryRow via \\(\\*pg\\.Queries\\)\\.GetAuthor \\[params 1\\]"
	var out []string
	for _, id := range []int64{1, 2} {
		a, _ := q.GetAuthor(ctx, id)
		out = append(out, a.Name)
	}
	return out
}
