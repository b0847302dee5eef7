// Package service calls the store once per post: N+1s through another // want package:"reaches data access"
// package's methods.
package service

import (
	"context"

	"example.com/sqlxapp/store"
)

// Comments asks the store once per post.
func Comments(ctx context.Context, s *store.Store) (map[int64][]store.Comment, error) { // want Comments:"runs \\(\\*sqlx.DB\\).SelectContext via \\(\\*store.Store\\).PostIDs \\[params 1\\]"
	ids, err := s.PostIDs(ctx)
	if err != nil {
		return nil, err
	}
	out := map[int64][]store.Comment{}
	for _, id := range ids {
		cs, err := s.Comments(ctx, id) // want `\(\*store.Store\).Comments runs \(\*sqlx.DB\).SelectContext once per element of ids \(loop at service.go:18; ids from \(\*store.Store\).PostIDs at service.go:13\); collect the keys`
		if err != nil {
			return nil, err
		}
		out[id] = cs
	}
	return out, nil
}

// CommentsBatched asks once for all posts.
func CommentsBatched(ctx context.Context, s *store.Store) (map[int64][]store.Comment, error) { // want CommentsBatched:"runs \\(\\*sqlx.DB\\).SelectContext via \\(\\*store.Store\\).PostIDs \\[params 1\\]"
	ids, err := s.PostIDs(ctx)
	if err != nil {
		return nil, err
	}
	cs, err := s.CommentsOf(ctx, ids)
	out := map[int64][]store.Comment{}
	for _, c := range cs {
		out[c.PostID] = append(out[c.PostID], c)
	}
	return out, err
}
