package fixbulk

import (
	"errors"
	"fmt"

	"gorm.io/gorm"
)

// The new ID is read after the insert.
func IDs(db *gorm.DB, events []Event) []uint {
	var ids []uint
	for _, e := range events {
		v := Visit{Path: e.Path}
		db.Create(&v) // want `collect the rows and insert them with one CreateInBatches`
		ids = append(ids, v.ID)
	}
	return ids
}

// The error message names the element: it cannot leave the loop.
func Named(db *gorm.DB, names []string) error {
	for _, n := range names {
		if err := db.Create(&Tag{Name: n}).Error; err != nil { // want `CreateInBatches`
			return fmt.Errorf("tag %s: %w", n, err)
		}
	}
	return nil
}

// An early return would skip the rows collected so far.
func UntilBlank(db *gorm.DB, names []string) {
	for _, n := range names {
		if n == "" {
			return
		}
		db.Create(&Tag{Name: n}) // want `CreateInBatches`
	}
}

// A hook runs per row: a batch would change its order.
func Notes(db *gorm.DB, notes []string) {
	for _, n := range notes {
		db.Create(&Audited{Note: n}) // want `CreateInBatches`
	}
}

// One variable for every iteration: the batch would hold one row N times.
func Shared(db *gorm.DB, names []string) {
	var t Tag
	for _, n := range names {
		t = Tag{Name: n}
		db.Create(&t) // want `CreateInBatches`
	}
}

// The handle depends on the element.
func PerTable(db *gorm.DB, events []Event) {
	for _, e := range events {
		db.Table(e.Path).Create(&Visit{UserID: e.UserID}) // want `CreateInBatches`
	}
}

// Deletes get advice only.
func Purge(db *gorm.DB, visits []Visit) {
	for _, v := range visits {
		db.Delete(&v) // want `delete them with one statement`
	}
}

// Check-then-insert: a name repeated in the input is found by its second
// iteration only because the first one inserted it.
func TagOnce(db *gorm.DB, names []string) {
	for _, n := range names {
		var t Tag
		if err := db.Where("name = ?", n).First(&t).Error; errors.Is(err, gorm.ErrRecordNotFound) { // want `N\+1 query`
			db.Create(&Tag{Name: n}) // want `CreateInBatches; the loop reads before it inserts, so de-duplicate the keys first`
		}
	}
}

// The same with a count, through a helper of the project.
func TagOnceCounted(db *gorm.DB, names []string) {
	for _, n := range names {
		if count(db, n) == 0 { // want `N\+1 query`
			db.Create(&Tag{Name: n}) // want `de-duplicate the keys first`
		}
	}
}

func count(db *gorm.DB, name string) int64 { // want count:"runs \\(\\*gorm.DB\\).Count \\[params 0,1\\]"
	var n int64
	db.Model(&Tag{}).Where("name = ?", name).Count(&n)
	return n
}

// Errors ignored, no unique key declared: whatever rejects a row (an index
// made by a migration, a constraint) would fail the whole batch.
func ImportVisits(db *gorm.DB, events []Event) {
	for _, e := range events {
		db.Create(&Visit{Path: e.Path, UserID: e.UserID}) // want `CreateInBatches; the loop goes on past a failing insert, and one batch fails as a whole`
	}
}

// Errors checked and let pass: the loop goes on past a failing insert.
func LogFailures(db *gorm.DB, names []string) {
	for _, n := range names {
		if err := db.Create(&Subscriber{Email: n}).Error; err != nil { // want `the loop goes on past a failing insert`
			fmt.Println(err)
		}
	}
}

// Stopping at the first failure outside a transaction: the rows before it
// stay stored, and one batch would store none.
func StoreAll(db *gorm.DB, visits []Visit) error {
	for i := range visits {
		if err := db.Create(&visits[i]).Error; err != nil { // want `the loop stops at the first failing insert and keeps the rows before it unless a transaction rolls them back`
			return err
		}
	}
	return nil
}

// In a transaction, but writing through the outer handle: the rollback
// does not undo those rows.
func OuterHandle(db *gorm.DB, visits []Visit) error {
	return db.Transaction(func(tx *gorm.DB) error {
		for i := range visits {
			if err := db.Create(&visits[i]).Error; err != nil { // want `batched when the loop is a Transaction callback's, returning the error`
				return err
			}
		}
		return nil
	})
}

// In a transaction, but the failure commits it: the callback returns nil.
func SwallowInTx(db *gorm.DB, visits []Visit) error {
	return db.Transaction(func(tx *gorm.DB) error {
		for i := range visits {
			if err := tx.Create(&visits[i]).Error; err != nil { // want `batched when the loop is a Transaction callback's, returning the error`
				return nil
			}
		}
		return nil
	})
}

// Errors ignored with a unique key, but the rows are the caller's: a
// batch skipping conflicts gets fewer IDs back than it sent.
func SubscribeAll(db *gorm.DB, subs []Subscriber) {
	for i := range subs {
		db.Create(&subs[i]) // want `N\+1 query`
	}
}
