// Package blogdb makes the SQLite database of a small blog (authors and
// their posts) that the execution tests and the example application run
// their queries on.
package blogdb

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	_ "github.com/glebarez/go-sqlite" // the "sqlite" driver
)

// Schema creates the blog's tables.
const Schema = `
CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT NOT NULL, author_id INTEGER NOT NULL REFERENCES authors(id));
`

// DSN returns the data source name of a new database file in a temporary
// directory of t, its schema created: a file, so that every connection
// of a pool sees the same data.
func DSN(t testing.TB) string {
	t.Helper()
	dsn := filepath.Join(t.TempDir(), "blog.db") + "?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(Schema); err != nil {
		t.Fatal(err)
	}
	return dsn
}

// Seed adds posts, each by an author of its own, until the blog holds n.
func Seed(db *sql.DB, n int) error {
	var have int
	if err := db.QueryRow(`SELECT count(*) FROM posts`).Scan(&have); err != nil {
		return err
	}
	for i := have + 1; i <= n; i++ {
		if _, err := db.Exec(`INSERT INTO authors (id, name) VALUES (?, ?)`, i, fmt.Sprintf("author %d", i)); err != nil {
			return err
		}
		if _, err := db.Exec(`INSERT INTO posts (id, title, author_id) VALUES (?, ?, ?)`, i, fmt.Sprintf("post %d", i), i); err != nil {
			return err
		}
	}
	return nil
}
