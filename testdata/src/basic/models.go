// Package basic holds scenarios of GORM queries written directly in loops.
package basic

import "gorm.io/gorm"

type Author struct {
	gorm.Model
	Name string
}

type Post struct {
	gorm.Model
	Title    string
	AuthorID uint
	Author   Author
	Comments []Comment
	Tags     []Tag `gorm:"many2many:post_tags"`
}

type Comment struct {
	gorm.Model
	PostID   uint
	Body     string
	Approved bool
}

type Tag struct {
	gorm.Model
	Name string
}

type Setting struct {
	Key, Value string
}
