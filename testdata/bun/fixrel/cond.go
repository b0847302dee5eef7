package fixrel // want package:"reaches data access"

// The loop's constant conditions and its order carried into Relation's
// func form: bun's has-many query applies them to all posts' comments
// and hands each post its rows in the order read.

import (
	"context"

	"github.com/uptrace/bun"

	"example.com/bunapp/models"
)

func approved(ctx context.Context, db *bun.DB) ([]string, error) { // want approved:"runs \\(\\*bun\\.SelectQuery\\)\\.Scan \\[params 1\\]"
	var posts []*models.Post
	err := db.NewSelect().Model(&posts).Order("id").Limit(20).Scan(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		err := db.NewSelect().Model(&p.Comments).Where("post_id = ?", p.ID).Where("approved = ?", true).OrderExpr("id DESC").Scan(ctx) // want `load it with the list: Relation\("Comments", func\(q \*bun\.Sele`
		if err != nil {
			return nil, err
		}
		for _, c := range p.Comments {
			out = append(out, c.Body)
		}
	}
	return out, nil
}

func ordered(ctx context.Context, db bun.IDB) (int, error) { // want ordered:"runs \\(\\*bun\\.SelectQuery\\)\\.Scan \\[params 1\\]"
	var posts []*models.Post
	if err := db.NewSelect().Model(&posts).Where("title <> ''").Scan(ctx); err != nil {
		return 0, err
	}
	n := 0
	for _, p := range posts {
		if err := db.NewSelect().Model(&p.Comments).Where("comment.post_id = ?", p.ID).Order("body").Scan(ctx); err != nil { // want `load it with the list: Relation\("Comments", func\(q \*bun\.Sele`
			return 0, err
		}
		n += len(p.Comments)
	}
	return n, nil
}
