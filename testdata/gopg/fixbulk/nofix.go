// Package fixbulk holds go-pg inserts per element: one multi-row insert
// after the loop where it stores what the loop stored.
package fixbulk

import (
	"context"
	"fmt"

	"github.com/go-pg/pg/v10"

	"example.com/gopgapp/models"
)

// NoTx: the loop keeps the rows before a failure, one insert none.
func NoTx(db *pg.DB, bodies []string) error {
	for _, b := range bodies {
		if _, err := db.Model(&models.Comment{Body: b}).Insert(); err != nil { // want `N\+1 query: \(\*orm\.Query\)\.Insert runs once per element of bodies.*the loop stops at the first failing in`
			return err
		}
	}
	return nil
}

// Ignored: the loop goes on past a failing insert.
func Ignored(ctx context.Context, db *pg.DB, bodies []string) error {
	return db.RunInTransaction(ctx, func(tx *pg.Tx) error {
		for _, b := range bodies {
			tx.Model(&models.Comment{Body: b}).Insert() // want `N\+1 query: \(\*orm\.Query\)\.Insert runs once per element of bodies.*the loop goes on past a failing insert`
		}
		return nil
	})
}

// Indexed: the error names the iteration's index.
func Indexed(ctx context.Context, db *pg.DB, users []models.User) error {
	return db.RunInTransaction(ctx, func(tx *pg.Tx) error {
		for i := range users {
			if _, err := tx.Model(&users[i]).Insert(); err != nil { // want `N\+1 query: \(\*orm\.Query\)\.Insert runs once per element of users`
				return fmt.Errorf("user %d: %w", i, err)
			}
		}
		return nil
	})
}

// Audited has an insert hook.
type Audited struct {
	ID   int64
	Body string
}

// BeforeInsert runs before each insert.
func (a *Audited) BeforeInsert(ctx context.Context) (context.Context, error) {
	return ctx, nil
}

// Hooked: a hook per row.
func Hooked(ctx context.Context, db *pg.DB, bodies []string) error {
	return db.RunInTransaction(ctx, func(tx *pg.Tx) error {
		for _, b := range bodies {
			if _, err := tx.Model(&Audited{Body: b}).Insert(); err != nil { // want `N\+1 query: \(\*orm\.Query\)\.Insert runs once per element of bodies.*Audited has BeforeInsert, which go-pg `
				return err
			}
		}
		return nil
	})
}

// Outer: the insert goes through db, not the transaction.
func Outer(ctx context.Context, db *pg.DB, bodies []string) error {
	return db.RunInTransaction(ctx, func(tx *pg.Tx) error {
		for _, b := range bodies {
			if _, err := db.Model(&models.Comment{Body: b}).Insert(); err != nil { // want `N\+1 query: \(\*orm\.Query\)\.Insert runs once per element of bodies.*the loop stops at the first failing in`
				return err
			}
		}
		return nil
	})
}

// Pointer: every iteration inserts the same row.
func Pointer(ctx context.Context, db *pg.DB, bodies []string) error { // want Pointer:"runs \\(\\*orm\\.Query\\)\\.Insert via \\(\\*pg\\.baseDB\\)\\.RunInTransaction \\[params 1\\]"
	c := &models.Comment{}
	return db.RunInTransaction(ctx, func(tx *pg.Tx) error {
		for _, b := range bodies {
			c.Body = b
			if _, err := tx.Model(c).Insert(); err != nil {
				return err
			}
		}
		return nil
	})
}
