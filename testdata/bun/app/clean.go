package app

import (
	"context"

	"github.com/uptrace/bun"

	"example.com/bunapp/models"
)

// Negatives: eager-loaded reads, builders in the loop, one IN query after
// the loop, a loop over a literal list, paginated and batched loops.

func eager(ctx context.Context, db *bun.DB) ([]string, error) { // want eager:"runs \\(\\*bun.SelectQuery\\).Scan \\[params 1\\]"
	var posts []models.Post
	if err := db.NewSelect().Model(&posts).Relation("Author").Relation("Comments").Scan(ctx); err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		out = append(out, p.Author.Name)
		for _, c := range p.Comments {
			out = append(out, c.Body)
		}
	}
	return out, nil
}

func builders(ctx context.Context, db *bun.DB, ids []int64) error { // want builders:"runs \\(\\*bun.SelectQuery\\).Scan \\[params 1,2\\]"
	q := db.NewSelect().Model((*models.Post)(nil))
	for _, id := range ids {
		q = q.WhereOr("id = ?", id)
	}
	var posts []models.Post
	return q.Scan(ctx, &posts)
}

func inAfterLoop(ctx context.Context, db *bun.DB, posts []models.Post) ([]models.User, error) { // want inAfterLoop:"runs \\(\\*bun.SelectQuery\\).Scan \\[params 1,2\\]"
	var ids []int64
	for _, p := range posts {
		ids = append(ids, p.AuthorID)
	}
	var users []models.User
	err := db.NewSelect().Model(&users).Where("id IN (?)", bun.In(ids)).Scan(ctx)
	return users, err
}

func literal(ctx context.Context, db *bun.DB) error {
	for _, m := range []any{(*models.User)(nil), (*models.Post)(nil)} {
		if _, err := db.NewCreateTable().Model(m).IfNotExists().Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}

func pages(ctx context.Context, db *bun.DB) (int, error) { // want pages:"runs \\(\\*bun.SelectQuery\\).Scan \\[params 1\\]"
	n := 0
	for offset := int64(0); ; offset += 100 {
		var posts []models.Post
		if err := db.NewSelect().Model(&posts).Limit(100).Offset(offset).Scan(ctx); err != nil {
			return n, err
		}
		if len(posts) == 0 {
			return n, nil
		}
		n += len(posts)
	}
}

func batches(ctx context.Context, db *bun.DB, ids []int64) error { // want batches:"runs \\(\\*bun.DeleteQuery\\).Exec \\[params 1,2\\]"
	for i := 0; i < len(ids); i += 100 {
		chunk := ids[i:min(i+100, len(ids))]
		if _, err := db.NewDelete().Model((*models.Post)(nil)).Where("id IN (?)", bun.In(chunk)).Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}

func scanRows(ctx context.Context, db *bun.DB) ([]models.User, error) { // want scanRows:"runs \\(\\*bun.DB\\).QueryContext \\[params 1\\]"
	rows, err := db.QueryContext(ctx, "SELECT id, name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []models.User
	for rows.Next() {
		var u models.User
		if err := db.ScanRow(ctx, rows, &u); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}
