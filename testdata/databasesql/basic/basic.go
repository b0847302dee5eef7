// Package basic holds database/sql N+1s written in one function, and the // want package:"reaches data access"
// loops that are none.
package basic

import (
	"context"
	"database/sql"
	"fmt"
)

// Post is a row of posts.
type Post struct {
	ID       int64
	AuthorID int64
	Title    string
}

// AuthorNames queries each post's author while the posts' rows are
// still open.
func AuthorNames(ctx context.Context, db *sql.DB) ([]string, error) { // want AuthorNames:"runs \\(\\*sql.DB\\).QueryContext \\[params 1\\]"
	rows, err := db.QueryContext(ctx, "SELECT id, author_id, title FROM posts")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var p Post
		if err := rows.Scan(&p.ID, &p.AuthorID, &p.Title); err != nil {
			return nil, err
		}
		var name string
		if err := db.QueryRowContext(ctx, "SELECT name FROM authors WHERE id = $1", p.AuthorID).Scan(&name); err != nil { // want `N\+1 query: \(\*sql.DB\).QueryRowContext runs once per element of rows \(loop at basic.go:27; rows from \(\*sql.DB\).QueryContext at basic.go:21\); collect the keys and run one query`
			return nil, err
		}
		names = append(names, name)
	}
	return names, rows.Err()
}

// MarkRead runs one UPDATE per post, in a transaction.
func MarkRead(tx *sql.Tx, posts []Post) error {
	for _, p := range posts {
		if _, err := tx.Exec("UPDATE posts SET read = true WHERE id = ?", p.ID); err != nil { // want `\(\*sql.Tx\).Exec runs once per element of posts .*collect the keys and run one statement for all of them: UPDATE posts SET read = true WHERE id IN \(\?\)`
			return err
		}
	}
	return nil
}

// Titles runs a prepared statement once per id: still a round trip each.
func Titles(db *sql.DB, ids []int64) ([]string, error) { // want Titles:"runs \\(\\*sql\\.DB\\)\\.Prepare \\[params 0\\]"
	stmt, err := db.Prepare("SELECT title FROM posts WHERE id = ?")
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	var out []string
	for _, id := range ids {
		var t string
		if err := stmt.QueryRow(id).Scan(&t); err != nil { // want `\(\*sql.Stmt\).QueryRow runs once per element of ids`
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// ConnTitles reads through a dedicated connection, with a closure.
func ConnTitles(ctx context.Context, conn *sql.Conn, ids []int64) []string {
	var out []string
	load := func(id int64) string {
		var t string
		conn.QueryRowContext(ctx, "SELECT title FROM posts WHERE id = ?", id).Scan(&t)
		return t
	}
	for _, id := range ids {
		out = append(out, load(id)) // want `func literal runs \(\*sql.Conn\).QueryRowContext once per element of ids`
	}
	return out
}

// DeleteByTemplate builds DML text per element: the data is in the text.
func DeleteByTemplate(db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.Exec(fmt.Sprintf("DELETE FROM posts WHERE id = %d", id)) // want `\(\*sql.DB\).Exec runs once per element of ids`
	}
}

// TitlesAtOnce reads all titles with one query: no N+1.
func TitlesAtOnce(db *sql.DB, ids []int64) (*sql.Rows, error) { // want TitlesAtOnce:"runs \\(\\*sql.DB\\).Query \\[params 0,1\\]"
	for range ids {
		// nothing per element
	}
	return db.Query("SELECT title FROM posts WHERE id = ANY($1)", ids)
}

// Migrate runs constant DDL per statement of a literal list, and a
// maintenance statement per table: no N+1.
func Migrate(db *sql.DB, tables []string) { // want Migrate:"runs \\(\\*sql.DB\\).Exec \\[params 0\\]"
	for _, stmt := range []string{"CREATE TABLE a (id int)", "CREATE TABLE b (id int)"} {
		db.Exec(stmt)
	}
	for _, t := range tables {
		db.Exec("ANALYZE " + t)
	}
}

// FirstTitle leaves the loop after its first query: it runs once.
func FirstTitle(db *sql.DB, ids []int64) string { // want FirstTitle:"runs \\(\\*sql.DB\\).QueryRow \\[params 0,1\\]"
	for _, id := range ids {
		var t string
		db.QueryRow("SELECT title FROM posts WHERE id = ?", id).Scan(&t)
		return t
	}
	return ""
}

// PerShard fans out over connections: no N+1.
func PerShard(shards []*sql.DB) int { // want PerShard:"runs \\(\\*sql.DB\\).QueryRow \\[params 0\\]"
	total := 0
	for _, db := range shards {
		var n int
		db.QueryRow("SELECT count(*) FROM posts").Scan(&n)
		total += n
	}
	return total
}

// SameQueryPerElement runs a query that does not depend on the element.
func SameQueryPerElement(db *sql.DB, posts []Post) { // want SameQueryPerElement:"runs \\(\\*sql.DB\\).QueryRow \\[params 0\\]"
	for range posts {
		var n int
		db.QueryRow("SELECT count(*) FROM posts").Scan(&n)
	}
}

// Tag inserts a row per tag through QueryRow, to read the new id: a write
// per element.
func Tag(db *sql.DB, postID int64, tags []string) error {
	for _, t := range tags {
		var id int64
		if err := db.QueryRow("INSERT INTO tags (post_id, name) VALUES ($1, $2) RETURNING id", postID, t).Scan(&id); err != nil { // want `\(\*sql.DB\).QueryRow runs once per element of tags .*write all rows with one statement`
			return err
		}
	}
	return nil
}

// PreparePerElement prepares a statement per element, its text built
// from the element: each Prepare is a round trip.
func PreparePerElement(tx *sql.Tx, ids []int64) {
	for _, id := range ids {
		stmt, _ := tx.Prepare(fmt.Sprintf("SELECT title FROM posts WHERE id = %d", id)) // want `\(\*sql.Tx\).Prepare runs once per element of ids`
		stmt.Close()
	}
}

// Settings sets one setting per key, and runs each of a list of scripts
// with its version recorded: no N+1.
func Settings(ctx context.Context, conn *sql.Conn, settings map[string]string, scripts []string) { // want Settings:"runs \\(\\*sql.Conn\\).ExecContext \\[params 1\\] \\[script 3\\]"
	for k, v := range settings {
		conn.ExecContext(ctx, "SET "+k+" = '"+v+"'")
		conn.ExecContext(ctx, fmt.Sprintf("PRAGMA %s = %s", k, v))
	}
	for i, s := range scripts {
		conn.ExecContext(ctx, s)
		conn.ExecContext(ctx, "INSERT INTO schema_migrations (version) VALUES (?)", i)
	}
}

// Counts counts each post's comments.
func Counts(db *sql.DB, posts []Post) {
	for _, p := range posts {
		var n int
		db.QueryRow("SELECT COUNT(*) FROM comments WHERE post_id = $1", p.ID).Scan(&n) // want `\(\*sql.DB\).QueryRow runs once per element of posts .*one grouped query: SELECT post_id, COUNT\(\*\) FROM comments WHERE post_id = ANY\(\$1\) GROUP BY post_id`
		fmt.Println(n)
	}
}
