package fixbulk // want package:"reaches data access"

import (
	"context"

	"gorm.io/gorm"
)

// ImportVisits inserts one row per element, ignoring errors as the loop
// did.
func ImportVisits(db *gorm.DB, events []Event) {
	for _, e := range events {
		db.Create(&Visit{Path: e.Path, UserID: e.UserID}) // want `N\+1 query: \(\*gorm.DB\).Create runs once per element of events .*; collect the rows and insert them with one CreateInBatches`
	}
}

// SaveTags checks each insert's error; the check moves after the loop
// with the insert.
func SaveTags(ctx context.Context, db *gorm.DB, postID uint, names []string) error {
	tx := db.WithContext(ctx)
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
}

// Rows of the slice itself, by index: they get their IDs back as before.
func Store(db *gorm.DB, visits []Visit) error {
	for i := range visits {
		if err := db.Create(&visits[i]).Error; err != nil { // want `N\+1 query: .*Create runs once per element of visits`
			return err
		}
	}
	return nil
}
