package fixpreload // want package:"reaches data access"

import "github.com/jinzhu/gorm"

// A blog's GORM v1 models.

type User struct {
	gorm.Model
	Name    string
	Profile Profile
}

// Profile is a user's has-one.
type Profile struct {
	gorm.Model
	UserID uint
	Bio    string
}

type Post struct {
	gorm.Model
	AuthorID uint
	Author   User
	Comments []Comment
	Tags     []Tag `gorm:"many2many:post_tags"`
	Title    string
	// v1's foreignkey alone: EditorRef less "Editor" names no field of
	// User, so v1 keys on User's primary key, as v2 does.
	EditorRef uint
	Editor    User `gorm:"foreignkey:EditorRef"`
	// Here the rest, Name, is a field of User: v1 keys on users.name.
	ReviewerName string
	Reviewer     User `gorm:"foreignkey:ReviewerName"`
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

// Account keys its owner by the owner's Email, a v1 setting
// (association_foreignkey) that v2's parser reads differently.
type Account struct {
	gorm.Model
	OwnerEmail string
	Owner      Member `gorm:"foreignkey:OwnerEmail;association_foreignkey:Email"`
}

type Member struct {
	gorm.Model
	Email string
}

// Summary is what the scenarios return.
type Summary struct {
	Title    string
	Author   string
	Comments int
}
