package rowcb // want package:"reaches data access"

// ForEach callbacks that run no query per row.

import (
	"github.com/go-pg/pg/v10"

	"example.com/gopgapp/models"
)

// The callback collects the keys; one query after ForEach loads them.
func collectKeys(db *pg.DB) ([]models.User, error) { // want collectKeys:"runs \\(\\*orm.Query\\).ForEach \\[params 0\\]"
	var ids []int64
	err := db.Model((*models.Post)(nil)).ForEach(func(p *models.Post) error {
		ids = append(ids, p.AuthorID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	var users []models.User
	return users, db.Model(&users).WhereIn("id IN (?)", ids).Select()
}

// The callback computes in memory.
func titles(db *pg.DB) (map[int64]string, error) { // want titles:"runs \\(\\*orm.Query\\).ForEach \\[params 0\\]"
	out := map[int64]string{}
	err := db.Model((*models.Post)(nil)).ForEach(func(p *models.Post) error {
		out[p.ID] = p.Title
		return nil
	})
	return out, err
}

// A query that does not depend on the row is not reported, as in a loop.
func invariant(db *pg.DB) error { // want invariant:"runs \\(\\*orm.Query\\).ForEach \\[params 0\\]"
	return db.Model((*models.Post)(nil)).ForEach(func(_ *models.Post) error {
		_, err := db.Model((*models.User)(nil)).Count()
		return err
	})
}
