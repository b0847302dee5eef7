package fixrelnest // want package:"reaches data access"

// Nested has-many reads: the replies of each post of each thread, the
// posts loaded with the threads. Relation("Posts.Replies") loads them
// with one more query, the loop's constant conditions in its func form.

import (
	"context"

	"github.com/uptrace/bun"
)

func replies(ctx context.Context, db *bun.DB) (int, error) { // want replies:"runs \\(\\*bun\\.SelectQuery\\)\\.Scan \\[params 1\\]"
	var threads []*Thread
	if err := db.NewSelect().Model(&threads).Relation("Posts").Scan(ctx); err != nil {
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

func visible(ctx context.Context, db *bun.DB) ([]string, error) { // want visible:"runs \\(\\*bun\\.SelectQuery\\)\\.Scan \\[params 1\\]"
	var threads []Thread
	if err := db.NewSelect().Model(&threads).Order("id").Relation("Posts").Scan(ctx); err != nil {
		return nil, err
	}
	var out []string
	for _, t := range threads {
		for i := range t.Posts {
			if err := db.NewSelect().Model(&t.Posts[i].Replies).Where("post_id = ?", t.Posts[i].ID).Where("visible").Order("id").Scan(ctx); err != nil { // want `load it with the list: Relation\("Posts\.Replies", func\(q \*bun`
				return nil, err
			}
			for _, r := range t.Posts[i].Replies {
				out = append(out, t.Title+": "+r.Body)
			}
		}
	}
	return out, nil
}
