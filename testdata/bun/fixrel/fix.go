package fixrel

// Has-many reads per post into the post's own field: Relation loads them
// all with the list.

import (
	"context"
	"fmt"

	"github.com/uptrace/bun"

	"example.com/bunapp/models"
)

func checked(ctx context.Context, db *bun.DB) ([]string, error) { // want checked:"runs \\(\\*bun.SelectQuery\\).Scan \\[params 1\\]"
	var posts []*models.Post
	if err := db.NewSelect().Model(&posts).Where("title <> ?", "").Scan(ctx); err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		if err := db.NewSelect().Model(&p.Comments).Where("post_id = ?", p.ID).Scan(ctx); err != nil { // want `Relation\("Comments"\)`
			return nil, err
		}
		out = append(out, fmt.Sprint(p.Title, len(p.Comments)))
	}
	return out, nil
}

func ignored(ctx context.Context, db *bun.DB) int { // want ignored:"runs \\(\\*bun.SelectQuery\\).Scan \\[params 1\\]"
	var posts []models.Post
	_ = db.NewSelect().Model(&posts).Scan(ctx)
	n := 0
	for i := range posts {
		_ = db.NewSelect().Model(&posts[i].Comments).Where("post_id = ?", posts[i].ID).Scan(ctx) // want `Relation\("Comments"\)`
		n += len(posts[i].Comments)
	}
	return n
}
