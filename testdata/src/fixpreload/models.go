// Package fixpreload holds N+1s that load an association of each element,
// with the Preload fix nplusonelint offers for each, or why it offers none.
package fixpreload

import "gorm.io/gorm"

type User struct {
	ID      uint
	Name    string
	Profile Profile // has one: Profile.UserID
}

type Profile struct {
	ID     uint
	UserID uint
	Bio    string
}

type Post struct {
	gorm.Model
	Title     string
	AuthorID  uint
	Author    User // belongs to: Post.AuthorID
	EditorRef uint
	Editor    User      `gorm:"foreignKey:EditorRef"`
	Comments  []Comment // has many: Comment.PostID
	Tags      []Tag     `gorm:"many2many:post_tags"`
}

type Comment struct {
	ID       uint
	PostID   uint
	AuthorID uint
	Author   User
	Approved bool
	Body     string
}

type Tag struct {
	ID   uint
	Name string
}

// Summary is what the handlers below build.
type Summary struct {
	Title    string
	Author   string
	Comments int
}
