// Package blog is run, not only analyzed: the execution test runs each
// scenario against SQLite before and after nplusonelint -fix, at two
// sizes, and compares the statements they take and what they return.
package blog

import (
	"fmt"

	"gorm.io/gorm"
)

type User struct {
	ID        uint
	Name      string
	Verified  bool
	Profile   Profile
	Account   Account
	CompanyID uint
	Company   Company
}

// Company employs authors: posts → Author → Company, a nested join.
type Company struct {
	ID   uint
	Name string
}

// Account is a has-one on a unique key: a join gives at most one per user.
type Account struct {
	ID     uint
	UserID uint `gorm:"uniqueIndex"`
	Plan   string
}

type Profile struct {
	ID     uint
	UserID uint
	Bio    string
}

type Post struct {
	ID       uint
	Title    string
	AuthorID uint
	Author   User
	Comments []Comment
	Tags     []Tag `gorm:"many2many:post_tags"`
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

type Visit struct {
	ID     uint
	Path   string
	UserID uint
}

// Label declares its unique key.
type Label struct {
	ID   uint
	Name string `gorm:"uniqueIndex"`
}

// Mark's name is unique by an index the model does not declare.
type Mark struct {
	ID   uint
	Name string
}

// Models lists the tables to migrate.
var Models = []any{&Company{}, &User{}, &Profile{}, &Account{}, &Post{}, &Comment{}, &Tag{}, &Visit{}, &Label{}, &Mark{}}

// Seed writes n posts, each with its author (every other one verified),
// the author's profile, account and company, two comments
// (one approved) by other users, and two tags.
func Seed(db *gorm.DB, n int) error {
	tags := []Tag{{Name: "go"}, {Name: "sql"}, {Name: "orm"}}
	if err := db.Create(&tags).Error; err != nil {
		return err
	}
	companies := []Company{{Name: "acme"}, {Name: "initech"}}
	if err := db.Create(&companies).Error; err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		author := User{
			CompanyID: companies[i%2].ID,
			Name:      fmt.Sprintf("author%d", i),
			Verified:  i%2 == 0,
			Profile:   Profile{Bio: fmt.Sprintf("bio%d", i)},
			Account:   Account{Plan: fmt.Sprintf("plan%d", i%3)},
		}
		reader := User{Name: fmt.Sprintf("reader%d", i)}
		if err := db.Create(&author).Error; err != nil {
			return err
		}
		if err := db.Create(&reader).Error; err != nil {
			return err
		}
		post := Post{
			Title:    fmt.Sprintf("post%d", i),
			AuthorID: author.ID,
			Comments: []Comment{
				{AuthorID: reader.ID, Approved: true, Body: "yes"},
				{AuthorID: author.ID, Approved: false, Body: "no"},
			},
			Tags: []Tag{tags[i%3], tags[(i+1)%3]},
		}
		if err := db.Create(&post).Error; err != nil {
			return err
		}
	}
	return nil
}
