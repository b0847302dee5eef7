package fixbulk // want package:"reaches data access"

import (
	"context"
	"fmt"

	"github.com/go-pg/pg/v10"

	"example.com/gopgapp/models"
)

// Copy inserts a comment per post in a transaction, stopping at the first
// error, which rolls them all back: one insert of them all does the same.
func Copy(ctx context.Context, db *pg.DB, posts []models.Post) error {
	return db.RunInTransaction(ctx, func(tx *pg.Tx) error {
		for _, p := range posts {
			if _, err := tx.Model(&models.Comment{PostID: p.ID, UserID: p.AuthorID, Body: p.Title}).Insert(); err != nil { // want `N\+1 query: \(\*orm\.Query\)\.Insert runs once per element of posts`
				return err
			}
		}
		return nil
	})
}

// Users inserts the caller's users, each given its ID back: one insert
// returns them in order. The error is wrapped, the context carried.
func Users(ctx context.Context, db *pg.DB, users []models.User) error {
	return db.RunInTransaction(ctx, func(tx *pg.Tx) error {
		for i := range users {
			if _, err := tx.ModelContext(ctx, &users[i]).Insert(); err != nil { // want `N\+1 query: \(\*orm\.Query\)\.Insert runs once per element of users`
				return fmt.Errorf("user: %w", err)
			}
		}
		return nil
	})
}

// Copies: each iteration's own copy of the element.
func Copies(ctx context.Context, db *pg.DB, users []models.User) error {
	return db.RunInTransaction(ctx, func(tx *pg.Tx) error {
		for _, u := range users {
			if _, err := tx.Model(&u).Insert(); err != nil { // want `N\+1 query: \(\*orm\.Query\)\.Insert runs once per element of users`
				return err
			}
		}
		return nil
	})
}
