package store // want package:"reaches data access"

// Package store reads users for other packages.

import (
	"context"

	"github.com/uptrace/bun"

	"example.com/bunapp/models"
)

// UserByID loads one user.
func UserByID(ctx context.Context, db bun.IDB, id int64) (*models.User, error) { // want UserByID:"runs \\(\\*bun.SelectQuery\\).Scan \\[params 1,2\\]"
	u := new(models.User)
	err := db.NewSelect().Model(u).Where("id = ?", id).Scan(ctx)
	return u, err
}
