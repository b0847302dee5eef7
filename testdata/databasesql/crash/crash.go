// Package crash has two N+1s; the tests make the analysis of one of the // want package:"reaches data access"
// functions fail, and the other must still be reported.
package crash

import "database/sql"

// Crashes is where the injected internal error happens.
func Crashes(db *sql.DB, ids []int64) { // want `nplusone: internal error analyzing function crash.Crashes in example.com/sqlapp/crash, skipped: injected`
	for _, id := range ids {
		db.Exec("DELETE FROM posts WHERE id = ?", id)
	}
}

// Survives is analyzed as usual.
func Survives(db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.Exec("DELETE FROM posts WHERE id = ?", id) // want `\(\*sql.DB\).Exec runs once per element of ids`
	}
}
