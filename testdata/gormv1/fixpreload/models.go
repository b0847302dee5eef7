package fixpreload // want package:"reaches data access"

import "github.com/jinzhu/gorm"

// A blog's GORM v1 models.

type User struct {
	gorm.Model
	Name string
}

type Post struct {
	gorm.Model
	AuthorID uint
	Author   User
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
