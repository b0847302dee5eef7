package txhelpers // want package:"reaches data access"

// Project helpers that run their callers' closures in a transaction: the
// closures run where the helper is called, once per element in a loop.

import (
	"gorm.io/gorm"

	"example.com/app/txhelpers/store"
)

type Post struct {
	gorm.Model
	Title    string
	AuthorID uint
}

type Author struct {
	gorm.Model
	Name string
}

func Helper(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		store.RunInTx(db, func(tx *gorm.DB) error {
			var a Author
			return tx.First(&a, p.AuthorID).Error // want `\(\*gorm.DB\).First runs once per element of posts`
		})
	}
}

func Wrapped(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		store.WithTx(db, func(tx *gorm.DB) error {
			return tx.Model(&p).Update("title", p.Title+"!").Error // want `\(\*gorm.DB\).Update runs once per element of posts`
		})
	}
}

func Method(s *store.Store, posts []Post) {
	for _, p := range posts {
		s.Atomic(func(tx *gorm.DB) error {
			return tx.Delete(&Post{}, p.ID).Error // want `\(\*gorm.DB\).Delete runs once per element of posts`
		})
	}
}

// A local helper, same package.
func inTx(db *gorm.DB, fn func(*gorm.DB) error) error { // want inTx:"calls params 1"
	return db.Transaction(fn)
}

func Local(db *gorm.DB, ids []uint) {
	for _, id := range ids {
		inTx(db, func(tx *gorm.DB) error {
			return tx.Delete(&Post{}, id).Error // want `\(\*gorm.DB\).Delete runs once per element of ids`
		})
	}
}

// Negatives: one transaction around the loop; a closure that does not
// depend on the element; a helper that keeps the closure without running
// it.
func Around(db *gorm.DB, posts []Post) error { // want Around:"runs \\(\\*gorm.DB\\).Delete via store.RunInTx \\[params 0,1\\]"
	return store.RunInTx(db, func(tx *gorm.DB) error {
		ids := make([]uint, 0, len(posts))
		for _, p := range posts {
			ids = append(ids, p.ID)
		}
		return tx.Delete(&Post{}, ids).Error
	})
}

func Invariant(db *gorm.DB, posts []Post) { // want Invariant:"runs \\(\\*gorm.DB\\).Exec via store.RunInTx \\[params 0\\]"
	for range posts {
		store.RunInTx(db, func(tx *gorm.DB) error {
			return tx.Exec("SELECT 1").Error
		})
	}
}

func Kept(s *store.Store, posts []Post) {
	for _, p := range posts {
		s.Defer(func(tx *gorm.DB) error {
			return tx.Delete(&Post{}, p.ID).Error
		})
	}
}
