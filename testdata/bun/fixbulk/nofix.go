// Package fixbulk holds bun inserts per element: one multi-row insert
// after the loop where it stores what the loop stored.
package fixbulk

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"example.com/bunapp/models"
)

// NoTx: the loop keeps the rows before a failure, one insert none.
func NoTx(ctx context.Context, db *bun.DB, bodies []string) error {
	for _, b := range bodies {
		if _, err := db.NewInsert().Model(&models.Comment{Body: b}).Exec(ctx); err != nil { // want `N\+1 query: \(\*bun\.InsertQuery\)\.Exec runs once per element of bodies.*the loop stops at the first failing in`
			return err
		}
	}
	return nil
}

// Ignored: the loop goes on past a failing insert.
func Ignored(ctx context.Context, db *bun.DB, bodies []string) {
	db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		for _, b := range bodies {
			_, _ = tx.NewInsert().Model(&models.Comment{Body: b}).Exec(ctx) // want `N\+1 query: \(\*bun\.InsertQuery\)\.Exec runs once per element of bodies.*the loop goes on past a failing insert`
		}
		return nil
	})
}

// Swallowed: the error is checked and the transaction commits anyway.
func Swallowed(ctx context.Context, db *bun.DB, bodies []string) error {
	return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		for _, b := range bodies {
			if _, err := tx.NewInsert().Model(&models.Comment{Body: b}).Exec(ctx); err != nil { // want `N\+1 query: \(\*bun\.InsertQuery\)\.Exec runs once per element of bodies.*the loop stops at the first failing in`
				return nil
			}
		}
		return nil
	})
}

// ReadsFirst: the loop looks each post up before inserting.
func ReadsFirst(ctx context.Context, db *bun.DB, titles []string) error {
	return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		for _, t := range titles {
			n, err := tx.NewSelect().Model((*models.Post)(nil)).Where("title = ?", t).Count(ctx) // want `N\+1 query: \(\*bun\.SelectQuery\)\.Count runs once per element of titles`
			if err != nil || n > 1 {
				continue
			}
			if _, err := tx.NewInsert().Model(&models.Post{Title: t}).Exec(ctx); err != nil { // want `N\+1 query: \(\*bun\.InsertQuery\)\.Exec runs once per element of titles.*the loop reads before it inserts, so d`
				return err
			}
		}
		return nil
	})
}

// Own rows: the caller's posts may carry their own IDs, and SQLite takes
// the columns from the first row (the ID dropped for all when the first
// has none).
func Own(ctx context.Context, db *bun.DB, posts []models.Post) error {
	return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		for i := range posts {
			if _, err := tx.NewInsert().Model(&posts[i]).Exec(ctx); err != nil { // want `N\+1 query: \(\*bun\.InsertQuery\)\.Exec runs once per element of posts`
				return err
			}
		}
		return nil
	})
}

// Keyed: the literal sets the autoincrement key.
func Keyed(ctx context.Context, db *bun.DB, ids []int64) error {
	return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		for _, id := range ids {
			if _, err := tx.NewInsert().Model(&models.User{ID: id, Name: "copy"}).Exec(ctx); err != nil { // want `N\+1 query: \(\*bun\.InsertQuery\)\.Exec runs once per element of ids`
				return err
			}
		}
		return nil
	})
}

// Stamped has a BeforeAppendModel hook.
type Stamped struct {
	ID      int64 `bun:",pk,autoincrement"`
	Body    string
	Created time.Time
}

// BeforeAppendModel stamps the row.
func (s *Stamped) BeforeAppendModel(ctx context.Context, q bun.Query) error {
	s.Created = time.Now()
	return nil
}

// Hooked: a hook per row.
func Hooked(ctx context.Context, db *bun.DB, bodies []string) error {
	return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		for _, b := range bodies {
			if _, err := tx.NewInsert().Model(&Stamped{Body: b}).Exec(ctx); err != nil { // want `N\+1 query: \(\*bun\.InsertQuery\)\.Exec runs once per element of bodies.*Stamped has BeforeAppendModel, which b`
				return err
			}
		}
		return nil
	})
}

// ReadsID: the new ID is read in the iteration.
func ReadsID(ctx context.Context, db *bun.DB, bodies []string) ([]int64, error) {
	var ids []int64
	err := db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		for _, b := range bodies {
			c := &models.Comment{Body: b}
			if _, err := tx.NewInsert().Model(c).Exec(ctx); err != nil { // want `N\+1 query: \(\*bun\.InsertQuery\)\.Exec runs once per element of bodies`
				return err
			}
			ids = append(ids, c.ID)
		}
		return nil
	})
	return ids, err
}

// Breaks: the loop stops early on its own.
func Breaks(ctx context.Context, db *bun.DB, bodies []string) error {
	return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		for _, b := range bodies {
			if b == "" {
				break
			}
			if _, err := tx.NewInsert().Model(&models.Comment{Body: b}).Exec(ctx); err != nil { // want `N\+1 query: \(\*bun\.InsertQuery\)\.Exec runs once per element of bodies`
				return err
			}
		}
		return nil
	})
}
