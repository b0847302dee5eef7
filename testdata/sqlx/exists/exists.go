// Package exists counts rows only to learn whether there is one. // want package:"reaches data access"
package exists

import (
	"database/sql"

	"github.com/jmoiron/sqlx"
)

// Follows reports whether a follows b.
func Follows(db *sqlx.DB, a, b int64) bool { // want Follows:"runs \\(\\*sqlx\\.DB\\)\\.Get \\[params 0,1,2\\]"
	var n int
	if err := db.Get(&n, "SELECT COUNT(*) FROM follows WHERE follower = ? AND followee = ?", a, b); err != nil { // want `count compared to zero: SELECT COUNT\(…\) in \(\*sqlx.DB\).Get counts every matching row`
		return false
	}
	return n > 0
}

// HasPosts scans the count of a database/sql QueryRow.
func HasPosts(db *sql.DB, author int64) (bool, error) { // want HasPosts:"runs \\(\\*sql\\.DB\\)\\.QueryRow \\[params 0,1\\]"
	var n int64
	err := db.QueryRow(`SELECT count(*) FROM posts WHERE author_id = $1`, author).Scan(&n) // want `count compared to zero: SELECT COUNT\(…\) in \(\*sql.DB\).QueryRow`
	return n != 0, err
}

// Grouped counts per group: not one row, no finding.
func Grouped(db *sqlx.DB) bool { // want Grouped:"runs \\(\\*sqlx\\.DB\\)\\.Get \\[params 0\\]"
	var n int
	db.Get(&n, "SELECT COUNT(*) FROM posts GROUP BY author_id")
	return n > 0
}

// Limited keeps its LIMIT: advice only.
func Limited(db *sqlx.DB) bool { // want Limited:"runs \\(\\*sqlx\\.DB\\)\\.Get \\[params 0\\]"
	var n int
	db.Get(&n, "SELECT COUNT(*) FROM posts LIMIT 1") // want `count compared to zero: .*ask whether a row exists instead`
	return n > 0
}

// Used reads the count itself: no finding.
func Used(db *sqlx.DB) int { // want Used:"runs \\(\\*sqlx\\.DB\\)\\.Get \\[params 0\\]"
	var n int
	db.Get(&n, "SELECT COUNT(*) FROM posts")
	if n > 0 {
		return n
	}
	return 0
}
