package hooks // want package:"reaches data access"

// go-pg calls AfterScan on every scanned row and AfterSelect on every
// element of a selected slice.

import (
	"context"

	"github.com/go-pg/pg/v10"
)

var db *pg.DB

type Author struct {
	ID   int64
	Name string
}

type Post struct {
	ID       int64
	AuthorID int64
	Author   Author `pg:"-"`
}

func (p *Post) AfterScan(ctx context.Context) error {
	return db.Model(&p.Author).Where("id = ?", p.AuthorID).Select() // want `N\+1 query: \(\*orm.Query\).Select runs once per row loaded into Post: go-pg calls AfterScan on each row of a list query`
}

type Comment struct {
	ID     int64
	PostID int64
	Likes  int `pg:"-"`
}

func (c *Comment) AfterSelect(ctx context.Context) error {
	n, err := db.Model((*Author)(nil)).Where("id = ?", c.PostID).Count() // want `N\+1 query: \(\*orm.Query\).Count runs once per row loaded into Comment: go-pg calls AfterSelect`
	c.Likes = n
	return err
}

// Negatives: a query not depending on the row; another shape.
type Tag struct{ ID int64 }

func (t *Tag) AfterScan(ctx context.Context) error { // want AfterScan:"runs \\(\\*orm.Query\\).Count \\[params none\\]"
	n, err := db.Model((*Tag)(nil)).Count()
	total = n
	return err
}

var total int

type Setting struct{ ID int64 }

func (s *Setting) AfterScan(ctx context.Context, id int64) error { // want AfterScan:"runs \\(\\*orm.Query\\).Select \\[params 0,2\\]"
	return db.Model(s).Where("id = ?", id).Select()
}
