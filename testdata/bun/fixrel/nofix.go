package fixrel

import (
	"context"

	"github.com/uptrace/bun"

	"example.com/bunapp/models"
)

// No edit: a write in the loop (a later iteration's read would see it),
// a belongs-to (bun leaves a missing author nil), an origin selecting
// columns, a collection that is a parameter.

func writes(ctx context.Context, db *bun.DB) error { // want writes:"runs \\(\\*bun.SelectQuery\\).Scan \\[params 1\\]"
	var posts []*models.Post
	if err := db.NewSelect().Model(&posts).Scan(ctx); err != nil {
		return err
	}
	for _, p := range posts {
		if err := db.NewSelect().Model(&p.Comments).Where("post_id = ?", p.ID).Scan(ctx); err != nil { // want `Relation\("Comments"\)`
			return err
		}
		if _, err := db.NewInsert().Model(&models.Comment{PostID: p.ID + 1}).Exec(ctx); err != nil { // want `NewInsert`
			return err
		}
	}
	return nil
}

func belongsTo(ctx context.Context, db *bun.DB) error { // want belongsTo:"runs \\(\\*bun.SelectQuery\\).Scan \\[params 1\\]"
	var posts []models.Post
	if err := db.NewSelect().Model(&posts).Scan(ctx); err != nil {
		return err
	}
	for _, p := range posts {
		if err := db.NewSelect().Model(p.Author).Where("id = ?", p.AuthorID).Scan(ctx); err != nil { // want `Relation\("Author"\)`
			return err
		}
	}
	return nil
}

func columns(ctx context.Context, db *bun.DB) error { // want columns:"runs \\(\\*bun.SelectQuery\\).Scan \\[params 1\\]"
	var posts []*models.Post
	if err := db.NewSelect().Model(&posts).Column("title").Scan(ctx); err != nil {
		return err
	}
	for _, p := range posts {
		if err := db.NewSelect().Model(&p.Comments).Where("post_id = ?", p.ID).Scan(ctx); err != nil { // want `Relation\("Comments"\)`
			return err
		}
	}
	return nil
}

func param(ctx context.Context, db *bun.DB, posts []*models.Post) error {
	for _, p := range posts {
		if err := db.NewSelect().Model(&p.Comments).Where("post_id = ?", p.ID).Scan(ctx); err != nil { // want `Relation\("Comments"\)`
			return err
		}
	}
	return nil
}
