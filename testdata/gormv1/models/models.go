package models // want package:"reaches data access"

// A blog's GORM v1 models.

import "github.com/jinzhu/gorm"

type User struct {
	gorm.Model
	Name string
}

type Post struct {
	gorm.Model
	AuthorID uint
	Author   User
	EditorID uint
	Editor   User
	Comments []Comment
	Tags     []Tag `gorm:"many2many:post_tags"`
	Title    string
}

type Comment struct {
	gorm.Model
	PostID   uint
	UserID   uint
	User     User
	Approved bool
	Body     string
}

type Tag struct {
	gorm.Model
	Label string
}
