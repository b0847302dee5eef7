// Package models declares a blog's bun models.
package models

import "github.com/uptrace/bun"

type User struct {
	bun.BaseModel `bun:"table:users"`
	ID            int64 `bun:",pk,autoincrement"`
	Name          string
}

type Post struct {
	ID       int64 `bun:",pk,autoincrement"`
	AuthorID int64
	Author   *User      `bun:"rel:belongs-to,join:author_id=id"`
	Comments []*Comment `bun:"rel:has-many,join:id=post_id"`
	Title    string
}

type Comment struct {
	ID       int64 `bun:",pk,autoincrement"`
	PostID   int64
	UserID   int64
	User     *User `bun:"rel:belongs-to"`
	Approved bool
	Body     string
}
