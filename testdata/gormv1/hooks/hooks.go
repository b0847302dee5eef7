package hooks // want package:"reaches data access"

// GORM v1 calls AfterFind on every row of a list, in each of its forms.

import "github.com/jinzhu/gorm"

var db *gorm.DB

type Author struct {
	ID   uint
	Name string
}

type Post struct {
	ID       uint
	AuthorID uint
	Author   Author `gorm:"-"`
}

func (p *Post) AfterFind() error {
	return db.First(&p.Author, p.AuthorID).Error // want `N\+1 query: \(\*gorm.DB\).First runs once per row loaded into Post: GORM v1 calls AfterFind on each row of a list query`
}

type Comment struct {
	ID     uint
	PostID uint
	Likes  int `gorm:"-"`
}

func (c *Comment) AfterFind(scope *gorm.Scope) {
	scope.NewDB().Table("likes").Where("comment_id = ?", c.ID).Count(&c.Likes) // want `N\+1 query: \(\*gorm.DB\).Count runs once per row loaded into Comment`
}

type Reply struct {
	ID     uint
	PostID uint
	Post   Author `gorm:"-"`
}

func (r *Reply) AfterFind(tx *gorm.DB) error {
	return tx.First(&r.Post, r.PostID).Error // want `N\+1 query: \(\*gorm.DB\).First runs once per row loaded into Reply`
}

// Negatives: a query not depending on the row; AfterFind of another shape.
type Tag struct{ ID uint }

func (t *Tag) AfterFind() { // want AfterFind:"runs \\(\\*gorm.DB\\).Count \\[params none\\]"
	db.Table("tags").Count(&total)
}

var total int

type Setting struct{ ID uint }

func (s *Setting) AfterFind(id uint) error { // want AfterFind:"runs \\(\\*gorm.DB\\).First \\[params 0,1\\]"
	return db.First(s, id).Error
}
