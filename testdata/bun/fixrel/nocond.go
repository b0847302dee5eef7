package fixrel

// No edit (advice only): the origin from a helper or with other builders,
// a limit per post, an error check that goes on, an error the origin
// drops, a condition on a variable, a field read before its query.

import (
	"context"
	"log"

	"github.com/uptrace/bun"

	"example.com/bunapp/models"
)

func listPosts(ctx context.Context, db *bun.DB) ([]*models.Post, error) { // want listPosts:"runs \\(\\*bun\\.SelectQuery\\)\\.Scan \\[params 1\\]"
	var posts []*models.Post
	err := db.NewSelect().Model(&posts).Scan(ctx)
	return posts, err
}

func helper(ctx context.Context, db *bun.DB) error { // want helper:"runs \\(\\*bun\\.SelectQuery\\)\\.Scan via fixrel\\.listPosts \\[params 1\\]"
	posts, err := listPosts(ctx, db)
	if err != nil {
		return err
	}
	for _, p := range posts {
		if err := db.NewSelect().Model(&p.Comments).Where("post_id = ?", p.ID).Scan(ctx); err != nil { // want `load it with the list: Relation\("Comments"\) on the query tha`
			return err
		}
	}
	return nil
}

func columnExpr(ctx context.Context, db *bun.DB) error { // want columnExpr:"runs \\(\\*bun\\.SelectQuery\\)\\.Scan \\[params 1\\]"
	var posts []*models.Post
	if err := db.NewSelect().Model(&posts).ColumnExpr("post.title").Scan(ctx); err != nil {
		return err
	}
	for _, p := range posts {
		if err := db.NewSelect().Model(&p.Comments).Where("post_id = ?", p.ID).Scan(ctx); err != nil { // want `load it with the list: Relation\("Comments"\) on the query tha`
			return err
		}
	}
	return nil
}

func joined(ctx context.Context, db *bun.DB) error { // want joined:"runs \\(\\*bun\\.SelectQuery\\)\\.Scan \\[params 1\\]"
	var posts []*models.Post
	if err := db.NewSelect().Model(&posts).Join("JOIN users ON users.id = post.author_id").Scan(ctx); err != nil {
		return err
	}
	for _, p := range posts {
		if err := db.NewSelect().Model(&p.Comments).Where("post_id = ?", p.ID).Scan(ctx); err != nil { // want `load it with the list: Relation\("Comments"\) on the query tha`
			return err
		}
	}
	return nil
}

func grouped(ctx context.Context, db *bun.DB) error { // want grouped:"runs \\(\\*bun\\.SelectQuery\\)\\.Scan \\[params 1\\]"
	var posts []*models.Post
	if err := db.NewSelect().Model(&posts).Group("post.id").Scan(ctx); err != nil {
		return err
	}
	for _, p := range posts {
		if err := db.NewSelect().Model(&p.Comments).Where("post_id = ?", p.ID).Scan(ctx); err != nil { // want `load it with the list: Relation\("Comments"\) on the query tha`
			return err
		}
	}
	return nil
}

func limited(ctx context.Context, db *bun.DB) error { // want limited:"runs \\(\\*bun\\.SelectQuery\\)\\.Scan \\[params 1\\]"
	var posts []*models.Post
	if err := db.NewSelect().Model(&posts).Scan(ctx); err != nil {
		return err
	}
	for _, p := range posts {
		if err := db.NewSelect().Model(&p.Comments).Where("post_id = ?", p.ID).Order("id").Limit(3).Scan(ctx); err != nil { // want `collect the keys and run one query for all of them: Where\("k`
			return err
		}
	}
	return nil
}

func logged(ctx context.Context, db *bun.DB) error { // want logged:"runs \\(\\*bun\\.SelectQuery\\)\\.Scan \\[params 1\\]"
	var posts []*models.Post
	if err := db.NewSelect().Model(&posts).Scan(ctx); err != nil {
		return err
	}
	for _, p := range posts {
		if err := db.NewSelect().Model(&p.Comments).Where("post_id = ?", p.ID).Scan(ctx); err != nil { // want `load it with the list: Relation\("Comments"\) on the query tha`
			log.Print(err)
		}
	}
	return nil
}

func dropped(ctx context.Context, db *bun.DB) error { // want dropped:"runs \\(\\*bun\\.SelectQuery\\)\\.Scan \\[params 1\\]"
	var posts []*models.Post
	_ = db.NewSelect().Model(&posts).Scan(ctx)
	for _, p := range posts {
		if err := db.NewSelect().Model(&p.Comments).Where("post_id = ?", p.ID).Scan(ctx); err != nil { // want `load it with the list: Relation\("Comments"\) on the query tha`
			return err
		}
	}
	return nil
}

func variable(ctx context.Context, db *bun.DB, approved bool) error { // want variable:"runs \\(\\*bun\\.SelectQuery\\)\\.Scan \\[params 1\\]"
	var posts []*models.Post
	if err := db.NewSelect().Model(&posts).Scan(ctx); err != nil {
		return err
	}
	for _, p := range posts {
		if err := db.NewSelect().Model(&p.Comments).Where("post_id = ?", p.ID).Where("approved = ?", approved).Scan(ctx); err != nil { // want `collect the keys and run one query for all of them: Where\("k`
			return err
		}
	}
	return nil
}

func errUsedAfter(ctx context.Context, db *bun.DB) error { // want errUsedAfter:"runs \\(\\*bun\\.SelectQuery\\)\\.Scan \\[params 1\\]"
	var posts []*models.Post
	if err := db.NewSelect().Model(&posts).Scan(ctx); err != nil {
		return err
	}
	for _, p := range posts {
		err := db.NewSelect().Model(&p.Comments).Where("post_id = ?", p.ID).Scan(ctx) // want `load it with the list: Relation\("Comments"\) on the query tha`
		if err != nil {
			return err
		}
		log.Print(p.ID, err)
	}
	return nil
}

func readBefore(ctx context.Context, db *bun.DB) (int, error) { // want readBefore:"runs \\(\\*bun\\.SelectQuery\\)\\.Scan \\[params 1\\]"
	var posts []*models.Post
	if err := db.NewSelect().Model(&posts).Scan(ctx); err != nil {
		return 0, err
	}
	n := 0
	for _, p := range posts {
		n += len(p.Comments)
		if err := db.NewSelect().Model(&p.Comments).Where("post_id = ?", p.ID).Scan(ctx); err != nil { // want `load it with the list: Relation\("Comments"\) on the query tha`
			return 0, err
		}
	}
	return n, nil
}

// The loop reads through the transaction (it sees the transaction's
// writes), the list was read outside it.
func otherHandle(ctx context.Context, db *bun.DB, tx bun.Tx) error { // want otherHandle:"runs \\(\\*bun\\.SelectQuery\\)\\.Scan \\[params 1\\]"
	var posts []*models.Post
	if err := db.NewSelect().Model(&posts).Scan(ctx); err != nil {
		return err
	}
	for _, p := range posts {
		if err := tx.NewSelect().Model(&p.Comments).Where("post_id = ?", p.ID).Scan(ctx); err != nil { // want `load it with the list: Relation\("Comments"\) on the query tha`
			return err
		}
	}
	return tx.Commit()
}

type postKey struct{}

// Each read has its own context.
func otherContext(ctx context.Context, db *bun.DB) error { // want otherContext:"runs \\(\\*bun\\.SelectQuery\\)\\.Scan \\[params 1\\]"
	var posts []*models.Post
	if err := db.NewSelect().Model(&posts).Scan(ctx); err != nil {
		return err
	}
	for _, p := range posts {
		rctx := context.WithValue(ctx, postKey{}, p.ID)
		if err := db.NewSelect().Model(&p.Comments).Where("post_id = ?", p.ID).Scan(rctx); err != nil { // want `load it with the list: Relation\("Comments"\) on the query tha`
			return err
		}
		log.Print(rctx)
	}
	return nil
}
