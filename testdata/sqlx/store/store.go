// Package store is a repository over sqlx, used by the service package. // want package:"reaches data access"
package store

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// Comment is a row of comments.
type Comment struct {
	ID     int64  `db:"id"`
	PostID int64  `db:"post_id"`
	Body   string `db:"body"`
}

// Store runs the queries.
type Store struct{ db *sqlx.DB }

// New returns a store over db.
func New(db *sqlx.DB) *Store { return &Store{db: db} }

// PostIDs lists the posts.
func (s *Store) PostIDs(ctx context.Context) ([]int64, error) { // want PostIDs:"runs \\(\\*sqlx.DB\\).SelectContext \\[params 0\\]"
	var ids []int64
	return ids, s.db.SelectContext(ctx, &ids, "SELECT id FROM posts")
}

// Comments lists a post's comments.
func (s *Store) Comments(ctx context.Context, postID int64) ([]Comment, error) { // want Comments:"runs \\(\\*sqlx.DB\\).SelectContext \\[params 0,2\\]"
	var out []Comment
	return out, s.db.SelectContext(ctx, &out, "SELECT id, post_id, body FROM comments WHERE post_id = ?", postID)
}

// CommentsOf lists the comments of many posts with one query.
func (s *Store) CommentsOf(ctx context.Context, postIDs []int64) ([]Comment, error) { // want CommentsOf:"runs \\(\\*sqlx.DB\\).SelectContext \\[params 0,2\\]"
	q, args, err := sqlx.In("SELECT id, post_id, body FROM comments WHERE post_id IN (?)", postIDs)
	if err != nil {
		return nil, err
	}
	var out []Comment
	return out, s.db.SelectContext(ctx, &out, s.db.Rebind(q), args...)
}
