package rowcb

// Queries in the function go-pg's ForEach calls once per row of its query.

import (
	"github.com/go-pg/pg/v10"

	"example.com/gopgapp/models"
	"example.com/gopgapp/rowcbstore"
)

func direct(db *pg.DB) error { // want direct:"runs \\(\\*orm.Query\\).ForEach \\[params 0\\]"
	return db.Model((*models.Post)(nil)).Where("title <> ''").ForEach(func(p *models.Post) error {
		u := new(models.User)
		return db.Model(u).Where("id = ?", p.AuthorID).Select() // want `N\+1 query: \(\*orm.Query\).Select runs once per row read by \(\*orm.Query\).ForEach \(ForEach at rowcb.go:13\); collect the keys in the callback and run one query for all of them after ForEach`
	})
}

func viaHelper(db *pg.DB) error { // want viaHelper:"runs \\(\\*orm.Query\\).ForEach \\[params 0\\]"
	return db.Model((*models.Comment)(nil)).ForEach(func(c models.Comment) error {
		_, err := rowcbstore.User(db, c.UserID) // want `N\+1 query: rowcbstore.User runs \(\*orm.Query\).Select once per row read by \(\*orm.Query\).ForEach`
		return err
	})
}

// Column values, a closure variable.
func columns(db *pg.DB) error { // want columns:"runs \\(\\*orm.Query\\).ForEach \\[params 0\\]"
	each := func(id, authorID int64) error {
		_, err := db.Model(&models.Post{ID: id, AuthorID: authorID}).WherePK().Column("author_id").Update() // want `N\+1 query: \(\*orm.Query\).Update runs once per row read by \(\*orm.Query\).ForEach .*run one statement for all of them after ForEach`
		return err
	}
	return db.Model((*models.Post)(nil)).Column("id", "author_id").ForEach(each)
}

// counter counts each post's comments from a method value.
type counter struct {
	db     *pg.DB
	counts map[int64]int
}

func (c *counter) count(p *models.Post) error { // want count:"runs \\(\\*orm.Query\\).Count \\[params 0,1\\]"
	n, err := c.db.Model((*models.Comment)(nil)).Where("post_id = ?", p.ID).Count()
	c.counts[p.ID] = n
	return err
}

func (c *counter) run() error { // want run:"runs \\(\\*orm.Query\\).ForEach \\[params 0\\]"
	return c.db.Model((*models.Post)(nil)).ForEach(c.count) // want `N\+1 query: \(\*orm.Query\).ForEach runs \(\*orm.Query\).Count via \(\*rowcb.counter\).count once per row read by \(\*orm.Query\).ForEach`
}
