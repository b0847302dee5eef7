package fixbulk // want package:"reaches data access"

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// Subscribe inserts one row per element, ignoring errors as the loop did:
// the model's unique key rejects repeats, which the batch skips with ON
// CONFLICT DO NOTHING (the clause package gets imported).
func Subscribe(db *gorm.DB, emails []string) {
	for _, e := range emails {
		db.Create(&Subscriber{Email: e}) // want `N\+1 query: \(\*gorm.DB\).Create runs once per element of emails .*; collect the rows and insert them with one CreateInBatches`
	}
}

// SaveTags checks each insert's error and stops at the first, inside a
// transaction that the error rolls back: the batch stores what the loop
// did, and the check moves after the loop with the insert.
func SaveTags(ctx context.Context, db *gorm.DB, postID uint, names []string) error {
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for _, name := range names {
			if name == "" {
				continue
			}
			tag := Tag{PostID: postID, Name: name}
			if err := tx.Create(&tag).Error; err != nil { // want `N\+1 query: .*Create runs once per element of names`
				return err
			}
		}
		return nil
	})
}

// Rows of the slice itself, by index: they get their IDs back as before.
func Store(db *gorm.DB, visits []Visit) error {
	return db.Transaction(func(tx *gorm.DB) error {
		for i := range visits {
			if err := tx.Create(&visits[i]).Error; err != nil { // want `N\+1 query: .*Create runs once per element of visits`
				return fmt.Errorf("storing visits: %w", err)
			}
		}
		return nil
	})
}

// Two batched loops in one function: each fix gets its own slice, so
// that both applied together still compile.
func SubscribeTwice(db *gorm.DB, emails, more []string) {
	for _, e := range emails {
		db.Create(&Subscriber{Email: e}) // want `N\+1 query: .*Create runs once per element of emails`
	}
	for _, e := range more {
		db.Create(&Subscriber{Email: e}) // want `N\+1 query: .*Create runs once per element of more`
	}
}
