// Package models declares a blog's xorm beans.
package models

type User struct {
	ID   int64 `xorm:"pk autoincr"`
	Name string
}

type Post struct {
	ID       int64 `xorm:"pk autoincr"`
	AuthorID int64
	Title    string
}

type Comment struct {
	ID     int64 `xorm:"pk autoincr"`
	PostID int64
	Body   string
}
