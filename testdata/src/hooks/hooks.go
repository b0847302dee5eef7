package hooks // want package:"reaches data access"

// GORM calls AfterFind once per row it loads into a slice.

import "gorm.io/gorm"

type Author struct {
	ID   uint
	Name string
}

type Post struct {
	ID       uint
	AuthorID uint
	Author   Author `gorm:"-"`
	Views    int
}

func (p *Post) AfterFind(tx *gorm.DB) error {
	return tx.First(&p.Author, p.AuthorID).Error // want `N\+1 query: \(\*gorm.DB\).First runs once per row loaded into Post: GORM calls AfterFind on each row of a list query \(hook at hooks.go:19\)`
}

type Comment struct {
	ID     uint
	PostID uint
	Likes  int64 `gorm:"-"`
}

func (c *Comment) AfterFind(tx *gorm.DB) error {
	return likes(tx, c) // want `N\+1 query: hooks.likes runs \(\*gorm.DB\).Count once per row loaded into Comment`
}

func likes(tx *gorm.DB, c *Comment) error { // want likes:"runs \\(\\*gorm.DB\\).Count \\[params 0,1\\]"
	return tx.Table("likes").Where("comment_id = ?", c.ID).Count(&c.Likes).Error
}

// Negatives: a hook whose query does not depend on the row; a hook that
// runs no query; a method named AfterFind that is no GORM hook.
type Tag struct {
	ID    uint
	Count int64 `gorm:"-"`
}

func (t *Tag) AfterFind(tx *gorm.DB) error { // want AfterFind:"runs \\(\\*gorm.DB\\).Count \\[params 1\\]"
	return tx.Table("tags").Count(&total).Error
}

var total int64

type Setting struct{ Key, Value string }

func (s *Setting) AfterFind(*gorm.DB) error {
	s.Value = s.Key + "=" + s.Value
	return nil
}

type Report struct{ ID uint }

func (r *Report) AfterFind(db *gorm.DB, id uint) error { // want AfterFind:"runs \\(\\*gorm.DB\\).First \\[params 0,1,2\\]"
	return db.First(r, id).Error
}
