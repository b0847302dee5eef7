// Package stale holds an ignore directive that suppresses nothing any more.
package stale

import "database/sql"

func Names(db *sql.DB, ids []int64) {
	for range ids {
		//nplusone:ignore the table has one row
		db.QueryRow("SELECT name FROM settings WHERE id = 1")
	}
	for _, id := range ids {
		//nplusone:ignore a handful of ids per request
		db.QueryRow("SELECT name FROM authors WHERE id = ?", id)
	}
}
