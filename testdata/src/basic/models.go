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
}

type Comment struct {
	gorm.Model
	PostID   uint
	Body     string
	Approved bool
}
