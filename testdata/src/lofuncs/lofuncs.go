package lofuncs // want package:"reaches data access"

// samber/lo's higher-order functions call their iteratee once per element.

import (
	"github.com/samber/lo"
	"github.com/samber/lo/parallel"
	"gorm.io/gorm"
)

type Post struct{ ID, AuthorID uint }

type Author struct {
	ID   uint
	Name string
}

func Names(db *gorm.DB, posts []Post) []string {
	return lo.Map(posts, func(p Post, _ int) string {
		var a Author
		db.First(&a, p.AuthorID) // want `\(\*gorm.DB\).First runs once per element of posts \(loop at lofuncs.go:19;`
		return a.Name
	})
}

func Parallel(db *gorm.DB, posts []Post) {
	parallel.ForEach(posts, func(p Post, _ int) {
		db.Model(&Post{}).Where("id = ?", p.ID).Update("seen", true) // want `\(\*gorm.DB\).Update runs once per element of posts`
	})
}

// Negatives: the iteratee runs no query that depends on the element; lo
// helpers that take no callback.
func Negatives(db *gorm.DB, posts []Post) []uint { // want Negatives:"runs \\(\\*gorm.DB\\).Find"
	ids := lo.Map(posts, func(p Post, _ int) uint { return p.AuthorID })
	var authors []Author
	db.Where("id IN ?", lo.Uniq(ids)).Find(&authors)
	lo.ForEach(posts, func(p Post, _ int) {
		var n int64
		db.Model(&Author{}).Count(&n)
	})
	return ids
}

// Fanning out over connections with a callback is no N+1 either.
func Replicas(replicas []*gorm.DB) { // want Replicas:"runs \\(\\*gorm.DB\\).Exec"
	lo.ForEach(replicas, func(r *gorm.DB, _ int) {
		r.Exec("SELECT 1")
	})
}
