// Package store holds the models and a query helper; the nplusone facts
// of its functions reach the shop package.
package store

import "gorm.io/gorm"

type Author struct {
	ID   uint
	Name string
}

type Post struct {
	gorm.Model
	Title    string
	AuthorID uint
	Author   Author
}

// AuthorName loads one author's name.
func AuthorName(db *gorm.DB, id uint) string {
	var a Author
	db.First(&a, id)
	return a.Name
}
