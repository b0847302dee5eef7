package fixrelnest

// No edit: the posts are not loaded (t.Posts is empty, a nested Relation
// would fill it), loaded filtered, or the outer loop writes.

import (
	"context"

	"github.com/uptrace/bun"
)

func unloaded(ctx context.Context, db *bun.DB) (int, error) { // want unloaded:"runs \\(\\*bun\\.SelectQuery\\)\\.Scan \\[params 1\\]"
	var threads []*Thread
	if err := db.NewSelect().Model(&threads).Scan(ctx); err != nil {
		return 0, err
	}
	n := 0
	for _, t := range threads {
		for _, p := range t.Posts {
			if err := db.NewSelect().Model(&p.Replies).Where("post_id = ?", p.ID).Scan(ctx); err != nil { // want `load it with the list: Relation\("Posts\.Replies"\) on the quer`
				return 0, err
			}
			n += len(p.Replies)
		}
	}
	return n, nil
}

func filtered(ctx context.Context, db *bun.DB) (int, error) { // want filtered:"runs \\(\\*bun\\.SelectQuery\\)\\.Scan \\[params 1\\]"
	var threads []*Thread
	if err := db.NewSelect().Model(&threads).Relation("Posts", func(q *bun.SelectQuery) *bun.SelectQuery { return q.Where("body <> ''") }).Scan(ctx); err != nil {
		return 0, err
	}
	n := 0
	for _, t := range threads {
		for _, p := range t.Posts {
			if err := db.NewSelect().Model(&p.Replies).Where("post_id = ?", p.ID).Scan(ctx); err != nil { // want `load it with the list: Relation\("Posts\.Replies"\) on the quer`
				return 0, err
			}
			n += len(p.Replies)
		}
	}
	return n, nil
}

func outerWrites(ctx context.Context, db *bun.DB) error { // want outerWrites:"runs \\(\\*bun\\.SelectQuery\\)\\.Scan \\[params 1\\]"
	var threads []*Thread
	if err := db.NewSelect().Model(&threads).Relation("Posts").Scan(ctx); err != nil {
		return err
	}
	for _, t := range threads {
		if len(t.Posts) > 0 {
			if _, err := db.NewInsert().Model(&Reply{PostID: t.Posts[0].ID, Body: "bump"}).Exec(ctx); err != nil { // want `collect the rows in the loop and insert them with one NewIns`
				return err
			}
		}
		for _, p := range t.Posts {
			if err := db.NewSelect().Model(&p.Replies).Where("post_id = ?", p.ID).Scan(ctx); err != nil { // want `load it with the list: Relation\("Posts\.Replies"\) on the quer`
				return err
			}
		}
	}
	return nil
}
