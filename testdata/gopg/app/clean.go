package app

import (
	"github.com/go-pg/pg/v10"
	"github.com/go-pg/pg/v10/orm"

	"example.com/gopgapp/models"
)

// Negatives: relations loaded with the list, builders, one IN query after
// the loop, literal lists, pages and batches.

func eager(db *pg.DB) ([]string, error) { // want eager:"runs \\(\\*orm.Query\\).Select \\[params 0\\]"
	var posts []models.Post
	if err := db.Model(&posts).Relation("Author").Relation("Comments").Select(); err != nil {
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

func builders(db *pg.DB, ids []int64) ([]models.Post, error) { // want builders:"runs \\(\\*orm.Query\\).Select \\[params 0,1\\]"
	var posts []models.Post
	q := db.Model(&posts)
	for _, id := range ids {
		q = q.WhereOr("id = ?", id)
	}
	return posts, q.Select()
}

func inAfterLoop(db *pg.DB, posts []models.Post) ([]models.User, error) { // want inAfterLoop:"runs \\(\\*orm.Query\\).Select \\[params 0,1\\]"
	var ids []int64
	for _, p := range posts {
		ids = append(ids, p.AuthorID)
	}
	var users []models.User
	err := db.Model(&users).Where("id IN (?)", pg.In(ids)).Select()
	return users, err
}

func schema(db *pg.DB) error {
	for _, m := range []any{(*models.User)(nil), (*models.Post)(nil)} {
		if err := db.Model(m).CreateTable(&orm.CreateTableOptions{IfNotExists: true}); err != nil {
			return err
		}
	}
	return nil
}

func pages(db *pg.DB) (int, error) { // want pages:"runs \\(\\*orm.Query\\).Select \\[params 0\\]"
	n := 0
	for offset := 0; ; offset += 100 {
		var posts []models.Post
		if err := db.Model(&posts).Limit(100).Offset(offset).Select(); err != nil {
			return n, err
		}
		if len(posts) == 0 {
			return n, nil
		}
		n += len(posts)
	}
}

func batches(db *pg.DB, ids []int64) error { // want batches:"runs \\(\\*orm.Query\\).Delete \\[params 0,1\\]"
	for i := 0; i < len(ids); i += 100 {
		if _, err := db.Model((*models.Post)(nil)).Where("id IN (?)", pg.In(ids[i:min(i+100, len(ids))])).Delete(); err != nil {
			return err
		}
	}
	return nil
}
