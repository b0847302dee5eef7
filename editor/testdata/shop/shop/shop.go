// Package shop is the file the editor tests open.
package shop

import (
	"fmt"

	"gorm.io/gorm"

	"example.com/shop/store"
)

// Bylines runs one query per post; the quick fix preloads the authors.
func Bylines(db *gorm.DB) ([]string, error) {
	var posts []store.Post
	if err := db.Where("published").Find(&posts).Error; err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		var author store.Author
		db.First(&author, p.AuthorID)
		out = append(out, p.Title+", by "+author.Name)
	}
	return out, nil
}

// Names runs one query per post through another package's helper.
func Names(db *gorm.DB) []string {
	var posts []store.Post
	db.Find(&posts)
	var out []string
	for _, p := range posts {
		out = append(out, store.AuthorName(db, p.AuthorID))
	}
	return out
}

// Count is what gopls' own printf check reports (the argument is a
// string): the tests wait for it to know that the analyzers have run.
func Count(n int) string {
	return fmt.Sprintf("%d posts", "n")
}
