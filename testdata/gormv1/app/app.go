package app // want package:"reaches data access"

// GORM v1 queries per element of loaded lists.

import (
	"sync"

	"github.com/jinzhu/gorm"

	"example.com/gormv1app/models"
	"example.com/gormv1app/store"
)

// Belongs-to read per post by key.
func authors(db *gorm.DB) { // want authors:"runs \\(\\*gorm.DB\\).Find \\[params 0\\]"
	var posts []models.Post
	db.Find(&posts)
	for _, p := range posts {
		var u models.User
		db.First(&u, p.AuthorID) // want `N\+1 query: \(\*gorm.DB\).First runs once per element of posts .*preload it: Preload\("Author"\) where posts is loaded`
		_ = u.Name
	}
}

// Related per post: the v1 relation accessor.
func related(db *gorm.DB) { // want related:"runs \\(\\*gorm.DB\\).Find \\[params 0\\]"
	var posts []models.Post
	db.Find(&posts)
	for i := range posts {
		db.Model(&posts[i]).Related(&posts[i].Comments) // want `\(\*gorm.DB\).Related runs once per element of posts .*Preload\("Comments"\)`
	}
}

// Related naming the association, two of the same type.
func editors(db *gorm.DB) { // want editors:"runs \\(\\*gorm.DB\\).Find \\[params 0\\]"
	var posts []models.Post
	db.Find(&posts)
	for _, p := range posts {
		var u models.User
		db.Model(&p).Related(&u, "Editor") // want `\(\*gorm.DB\).Related runs once per element of posts .*Preload\("Editor"\)`
	}
}

// Association per post.
func tags(db *gorm.DB) { // want tags:"runs \\(\\*gorm.DB\\).Find \\[params 0\\]"
	var posts []models.Post
	db.Find(&posts)
	for _, p := range posts {
		var ts []models.Tag
		db.Model(&p).Association("Tags").Find(&ts) // want `\(\*gorm.Association\).Find runs once per element of posts .*Preload\("Tags"\)`
	}
}

// Has-many by condition, with a constant condition.
func comments(db *gorm.DB) { // want comments:"runs \\(\\*gorm.DB\\).Find \\[params 0\\]"
	var posts []models.Post
	db.Find(&posts)
	for _, p := range posts {
		var cs []models.Comment
		db.Where("post_id = ?", p.ID).Where("approved = ?", true).Find(&cs) // want `Preload\("Comments", "approved = \?", true\)`
	}
}

// Nested: each comment's user.
func commenters(db *gorm.DB) { // want commenters:"runs \\(\\*gorm.DB\\).Find \\[params 0\\]"
	var posts []models.Post
	db.Preload("Comments").Find(&posts)
	for _, p := range posts {
		for _, c := range p.Comments {
			var u models.User
			db.Where("id = ?", c.UserID).First(&u) // want `\(\*gorm.DB\).First runs once per element of p.Comments .*Preload\("Comments.User"\) where posts is loaded`
		}
	}
}

// A helper of another package.
func viaHelper(db *gorm.DB, posts []models.Post) {
	for _, p := range posts {
		_, _ = store.UserByID(db, p.AuthorID) // want `N\+1 query: store.UserByID runs \(\*gorm.DB\).First once per element of posts`
	}
}

// A closure called per post.
func viaClosure(db *gorm.DB, posts []models.Post) {
	count := func(p models.Post) int {
		var n int
		db.Model(&models.Comment{}).Where("post_id = ?", p.ID).Count(&n)
		return n
	}
	for _, p := range posts {
		_ = count(p) // want `N\+1 query: func literal runs \(\*gorm.DB\).Count once per element of posts`
	}
}

// A goroutine per post.
func viaGoroutine(db *gorm.DB, posts []models.Post) {
	var wg sync.WaitGroup
	for _, p := range posts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db.Model(&p).Update("title", p.Title+"!") // want `N\+1 query: \(\*gorm.DB\).Update runs once per element of posts`
		}()
	}
	wg.Wait()
}

// Creates in a transaction.
func creates(db *gorm.DB, labels []string) error {
	return db.Transaction(func(tx *gorm.DB) error {
		for _, l := range labels {
			if err := tx.Create(&models.Tag{Label: l}).Error; err != nil { // want `\(\*gorm.DB\).Create runs once per element of labels .*GORM v1 has no batch insert`
				return err
			}
		}
		return nil
	})
}
