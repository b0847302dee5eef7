// Package models declares a blog's go-pg models.
package models

type User struct {
	ID   int64
	Name string
}

type Post struct {
	ID       int64
	AuthorID int64
	Author   *User      `pg:"rel:has-one"`
	Comments []*Comment `pg:"rel:has-many"`
	Title    string
}

type Comment struct {
	ID     int64
	PostID int64
	UserID int64
	User   *User `pg:"rel:has-one"`
	Body   string
}
