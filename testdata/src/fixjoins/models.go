// Package fixjoins holds to-one N+1s and the choice between Joins (one
// query with a LEFT JOIN) and Preload (two) nplusonelint makes for each.
package fixjoins

import "gorm.io/gorm"

type User struct {
	ID        uint
	Name      string
	Verified  bool
	Account   Account // has one, on a unique key
	Profile   Profile // has one, on a key not declared unique
	CompanyID uint
	Company   Company // belongs to
}

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
	ID         uint
	Title      string
	Active     bool
	AuthorID   uint
	Author     User
	ReviewerID uint
	Reviewer   *User
	ShopID     uint
	Shop       Shop
}

// Shop runs a hook on every row it loads.
type Shop struct {
	ID     uint
	Active bool
	Title  string
}

func (s *Shop) AfterFind(*gorm.DB) error { return nil }

// Published is a scope the analysis cannot read.
func Published(db *gorm.DB) *gorm.DB { return db.Where("published") }

// Company is what an author works for: posts → Author → Company.
type Company struct {
	ID   uint
	Name string
}
