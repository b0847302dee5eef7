package exampleapp

import (
	"fmt"

	"gorm.io/gorm"
)

// Seed creates the blog's tables and n posts, each by an author of its
// own.
func Seed(db *gorm.DB, n int) error {
	if err := db.AutoMigrate(&Author{}, &Post{}); err != nil {
		return err
	}
	posts := make([]Post, n)
	for i := range posts {
		posts[i] = Post{Title: fmt.Sprintf("Post %d", i+1), Author: Author{Name: fmt.Sprintf("Author %d", i+1)}}
	}
	if n == 0 {
		return nil
	}
	return db.Create(&posts).Error
}
