package hooks // want package:"reaches data access"

// xorm calls AfterLoad on every loaded bean, AfterSet on each column.

import "xorm.io/xorm"

var engine *xorm.Engine

type Author struct {
	ID   int64
	Name string
}

type Post struct {
	ID       int64
	AuthorID int64
	Author   Author `xorm:"-"`
}

func (p *Post) AfterLoad() {
	_, _ = engine.ID(p.AuthorID).Get(&p.Author) // want `N\+1 query: \(\*xorm.Session\).Get runs once per row loaded into Post: xorm calls AfterLoad on each row of a list query`
}

type Comment struct {
	ID     int64
	PostID int64
	Likes  int64 `xorm:"-"`
}

func (c *Comment) AfterLoad(s *xorm.Session) {
	c.Likes, _ = s.Table("likes").Where("comment_id = ?", c.ID).Count() // want `N\+1 query: \(\*xorm.Session\).Count runs once per row loaded into Comment`
}

type Reply struct {
	ID     int64
	PostID int64
	Post   Author `xorm:"-"`
}

func (r *Reply) AfterSet(col string, _ xorm.Cell) {
	if col == "post_id" {
		_, _ = engine.ID(r.PostID).Get(&r.Post) // want `N\+1 query: \(\*xorm.Session\).Get runs once per row loaded into Reply: xorm calls AfterSet`
	}
}

// Negatives: a query not depending on the row; AfterLoad of another shape.
type Tag struct{ ID int64 }

func (t *Tag) AfterLoad() { // want AfterLoad:"runs \\(\\*xorm.Session\\).Count \\[params none\\]"
	total, _ = engine.Table("tags").Count()
}

var total int64

type Setting struct{ ID int64 }

func (s *Setting) AfterLoad(id int64) { // want AfterLoad:"runs \\(\\*xorm.Session\\).Get \\[params 0,1\\]"
	_, _ = engine.ID(id).Get(s)
}
