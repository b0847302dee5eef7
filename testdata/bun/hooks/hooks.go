package hooks // want package:"reaches data access"

// Package hooks declares bun models whose AfterScanRow queries per row.

import (
	"context"

	"github.com/uptrace/bun"
)

var db *bun.DB

type Author struct {
	ID   int64
	Name string
}

type Post struct {
	ID       int64
	AuthorID int64
	Author   Author `bun:"-"`
}

// bun calls AfterScanRow on every row it scans.
func (p *Post) AfterScanRow(ctx context.Context) error {
	return db.NewSelect().Model(&p.Author).Where("id = ?", p.AuthorID).Scan(ctx) // want `N\+1 query: \(\*bun.SelectQuery\).Scan runs once per row loaded into Post: bun calls AfterScanRow on each row of a list query`
}

// Negatives: a hook whose query does not depend on the row, and an
// AfterScanRow of another shape.
type Tag struct {
	ID    int64
	Total int
}

func (t *Tag) AfterScanRow(ctx context.Context) error { // want AfterScanRow:"runs \\(\\*bun.SelectQuery\\).Count \\[params none\\]"
	n, err := db.NewSelect().Table("tags").Count(ctx)
	total = n
	return err
}

var total int64

type Setting struct{ Key string }

func (s *Setting) AfterScanRow(ctx context.Context, id int64) error { // want AfterScanRow:"runs \\(\\*bun.SelectQuery\\).Scan \\[params 0,2\\]"
	return db.NewSelect().Model(s).Where("id = ?", id).Scan(ctx)
}
