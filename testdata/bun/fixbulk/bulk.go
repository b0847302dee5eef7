package fixbulk // want package:"reaches data access"

import (
	"context"
	"fmt"

	"github.com/uptrace/bun"

	"example.com/bunapp/models"
)

// Copy inserts a comment per post in a transaction, stopping at the first
// error, which rolls them all back: one insert of them all does the same.
func Copy(ctx context.Context, db *bun.DB, posts []models.Post) error {
	return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		for _, p := range posts {
			if _, err := tx.NewInsert().Model(&models.Comment{PostID: p.ID, UserID: p.AuthorID, Body: p.Title}).Exec(ctx); err != nil { // want `N\+1 query: \(\*bun\.InsertQuery\)\.Exec runs once per element of posts`
				return err
			}
		}
		return nil
	})
}

// Wrapped: the error is wrapped, the slice indexed, two loops in one
// function get two names.
func Wrapped(ctx context.Context, db bun.IDB, bodies []string, postIDs []int64) error {
	return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		for i := range bodies {
			if _, err := tx.NewInsert().Model(&models.Comment{Body: bodies[i]}).Exec(ctx); err != nil { // want `N\+1 query: \(\*bun\.InsertQuery\)\.Exec runs once per element of bodies`
				return fmt.Errorf("comment: %w", err)
			}
		}
		for _, id := range postIDs {
			if _, err := tx.NewInsert().Model(&models.Comment{PostID: id, Body: "first"}).Exec(ctx); err != nil { // want `N\+1 query: \(\*bun\.InsertQuery\)\.Exec runs once per element of postIDs`
				return err
			}
		}
		return nil
	})
}
