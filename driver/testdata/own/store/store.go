// Package store runs its queries in callbacks of helpers from other
// modules: a replaced local module and samber/lo.
package store

import (
	"example.com/util"
	"github.com/samber/lo"
	"gorm.io/gorm"
)

type Post struct{ ID, AuthorID uint }

type Author struct{ ID uint }

// Authors loads each post's author in MapWithErr's callback.
func Authors(db *gorm.DB, posts []Post) ([]Author, error) {
	return util.MapWithErr(posts, func(p Post) (Author, error) {
		var a Author
		err := db.First(&a, p.AuthorID).Error
		return a, err
	})
}

// Touch updates each post in Each's callback.
func Touch(db *gorm.DB, posts []Post) {
	util.Each(posts, func(p Post) {
		db.Model(&Post{}).Where("id = ?", p.ID).Update("seen", true)
	})
}

// ByAuthor loads an author per entry in lo.MapKeys' callback (a lo
// function the rules do not list).
func ByAuthor(db *gorm.DB, posts map[uint]Post) map[uint]Post {
	return lo.MapKeys(posts, func(p Post, id uint) uint {
		var a Author
		db.First(&a, p.AuthorID)
		return a.ID
	})
}

// Handler stores its callback and never calls it.
func Handler(db *gorm.DB) *util.Options {
	var o util.Options
	o.OnError(func(error) { db.First(&Author{}) })
	return &o
}
