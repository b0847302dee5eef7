// Package basic holds sqlx N+1s written in one function, and the loops // want package:"reaches data access"
// that are none.
package basic

import (
	"context"
	"fmt"
	"sync"

	"github.com/jmoiron/sqlx"
)

// Post is a row of posts.
type Post struct {
	ID       int64  `db:"id"`
	AuthorID int64  `db:"author_id"`
	Title    string `db:"title"`
}

// Author is a row of authors.
type Author struct {
	ID   int64  `db:"id"`
	Name string `db:"name"`
}

// Authors gets each post's author.
func Authors(db *sqlx.DB) ([]Author, error) { // want Authors:"runs \\(\\*sqlx\\.DB\\)\\.Select \\[params 0\\]"
	var posts []Post
	if err := db.Select(&posts, "SELECT id, author_id, title FROM posts"); err != nil {
		return nil, err
	}
	var out []Author
	for _, p := range posts {
		var a Author
		if err := db.Get(&a, "SELECT id, name FROM authors WHERE id = ?", p.AuthorID); err != nil { // want `N\+1 query: \(\*sqlx.DB\).Get runs once per element of posts \(loop at basic.go:33; posts from \(\*sqlx.DB\).Select at basic.go:29\); collect the keys and run one query for all of them: SELECT id, name FROM authors WHERE id IN \(\?\) \(q, args, err := sqlx.In`
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// AuthorsAtOnce is the rewrite: one query with sqlx.In, after the loop.
func AuthorsAtOnce(db *sqlx.DB, posts []Post) ([]Author, error) { // want AuthorsAtOnce:"runs \\(\\*sqlx.DB\\).Select \\[params 0,1\\]"
	ids := make([]int64, 0, len(posts))
	for _, p := range posts {
		ids = append(ids, p.AuthorID)
	}
	q, args, err := sqlx.In("SELECT id, name FROM authors WHERE id IN (?)", ids)
	if err != nil {
		return nil, err
	}
	var out []Author
	return out, db.Select(&out, db.Rebind(q), args...)
}

// TagsPerPost builds an IN query per post: sqlx.In only builds, the
// Select runs once per post.
func TagsPerPost(db *sqlx.DB, posts []Post, tagIDs map[int64][]int64) {
	for _, p := range posts {
		q, args, _ := sqlx.In("SELECT name FROM tags WHERE id IN (?)", tagIDs[p.ID])
		var names []string
		db.Select(&names, db.Rebind(q), args...) // want `\(\*sqlx.DB\).Select runs once per element of posts`
	}
}

// OpenCursor queries per row while the posts' rows are still open.
func OpenCursor(ctx context.Context, db *sqlx.DB) error { // want OpenCursor:"runs \\(\\*sqlx\\.DB\\)\\.QueryxContext \\[params 1\\]"
	rows, err := db.QueryxContext(ctx, "SELECT id, author_id, title FROM posts")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var p Post
		if err := rows.StructScan(&p); err != nil {
			return err
		}
		var name string
		if err := db.QueryRowxContext(ctx, "SELECT name FROM authors WHERE id = $1", p.AuthorID).Scan(&name); err != nil { // want `\(\*sqlx.DB\).QueryRowxContext runs once per element of rows .*SELECT id, name FROM authors WHERE id = ANY\(\$1\)`
			return err
		}
	}
	return rows.Err()
}

// Embedded calls database/sql's QueryRow through *sqlx.DB.
func Embedded(db *sqlx.DB, posts []Post) {
	for _, p := range posts {
		var name string
		db.QueryRow("SELECT name FROM authors WHERE id = ?", p.AuthorID).Scan(&name) // want `\(\*sql.DB\).QueryRow runs once per element of posts`
	}
}

// Package calls the package-level Get with a transaction as Queryer.
func Package(tx *sqlx.Tx, posts []Post) {
	for _, p := range posts {
		var a Author
		sqlx.Get(tx, &a, "SELECT id, name FROM authors WHERE id = ?", p.AuthorID) // want `sqlx.Get runs once per element of posts`
	}
}

// Queryer runs through the interface.
func Queryer(q sqlx.Queryer, posts []Post) {
	for _, p := range posts {
		rows, _ := q.Queryx("SELECT name FROM authors WHERE id = ?", p.AuthorID) // want `\(sqlx.Queryer\).Queryx runs once per element of posts`
		rows.Close()
	}
}

// Named inserts one row per post in a transaction.
func Named(tx *sqlx.Tx, posts []Post) error {
	for _, p := range posts {
		if _, err := tx.NamedExec("INSERT INTO archive (id, title) VALUES (:id, :title)", p); err != nil { // want `\(\*sqlx.Tx\).NamedExec runs once per element of posts .*NamedExec\("INSERT … VALUES \(:a, :b\)", rows\)`
			return err
		}
	}
	return nil
}

// NamedAtOnce inserts every row with one statement.
func NamedAtOnce(tx *sqlx.Tx, posts []Post) error { // want NamedAtOnce:"runs \\(\\*sqlx.Tx\\).NamedExec \\[params 0,1\\]"
	_, err := tx.NamedExec("INSERT INTO archive (id, title) VALUES (:id, :title)", posts)
	return err
}

// Prepared runs a prepared statement per post; preparing per post is a
// round trip too.
func Prepared(db *sqlx.DB, posts []Post) { // want Prepared:"runs \\(\\*sqlx\\.DB\\)\\.Preparex \\[params 0\\]"
	stmt, _ := db.Preparex("SELECT name FROM authors WHERE id = ?")
	for _, p := range posts {
		var name string
		stmt.Get(&name, p.AuthorID) // want `\(\*sqlx.Stmt\).Get runs once per element of posts`
	}
	named, _ := db.PrepareNamed("UPDATE posts SET title = :title WHERE id = :id")
	for _, p := range posts {
		named.Exec(p) // want `\(\*sqlx.NamedStmt\).Exec runs once per element of posts`
	}
	for _, p := range posts {
		s, _ := db.Preparex(fmt.Sprintf("SELECT name FROM authors WHERE id = %d", p.AuthorID)) // want `\(\*sqlx.DB\).Preparex runs once per element of posts`
		s.Close()
	}
}

// Closure and goroutine: the query runs per post either way.
func Closure(db *sqlx.DB, posts []Post) []string {
	names := make([]string, len(posts))
	load := func(id int64) string {
		var n string
		db.Get(&n, "SELECT name FROM authors WHERE id = ?", id)
		return n
	}
	var wg sync.WaitGroup
	for i, p := range posts {
		names[i] = load(p.AuthorID) // want `func literal runs \(\*sqlx.DB\).Get once per element of posts`
		wg.Go(func() {
			db.MustExec("UPDATE posts SET seen = 1 WHERE id = ?", p.ID) // want `\(\*sqlx.DB\).MustExec runs once per element of posts`
		})
	}
	wg.Wait()
	return names
}

// Counts counts each post's comments.
func Counts(db *sqlx.DB, posts []Post) map[int64]int {
	out := map[int64]int{}
	for _, p := range posts {
		var n int
		db.Get(&n, "SELECT COUNT(*) FROM comments WHERE post_id = ?", p.ID) // want `\(\*sqlx.DB\).Get runs once per element of posts .*count them all in one grouped query: SELECT post_id, COUNT\(\*\) FROM comments WHERE post_id IN \(\?\) GROUP BY post_id`
		out[p.ID] = n
	}
	return out
}

// Chunks reads a chunk of the ids per iteration: no N+1.
func Chunks(db *sqlx.DB, ids []int64) { // want Chunks:"runs \\(\\*sqlx.DB\\).Select \\[params 0,1\\]"
	for i := 0; i < len(ids); i += 100 {
		q, args, _ := sqlx.In("SELECT name FROM authors WHERE id IN (?)", ids[i:min(i+100, len(ids))])
		var names []string
		db.Select(&names, db.Rebind(q), args...)
	}
}

// Schema runs DDL per table, a setting per key and a literal list: no N+1.
func Schema(db *sqlx.DB, tables []string, settings map[string]string) { // want Schema:"runs \\(\\*sqlx.DB\\).MustExec \\[params 0\\]"
	for _, t := range tables {
		db.MustExec("CREATE TABLE IF NOT EXISTS " + t + " (id integer)")
		db.MustExec(fmt.Sprintf("TRUNCATE %s", t))
	}
	for k, v := range settings {
		db.MustExec(fmt.Sprintf("SET %s = '%s'", k, v))
	}
	for _, id := range []int64{1, 2, 3} {
		db.MustExec("DELETE FROM posts WHERE id = ?", id)
	}
}

// First leaves the loop after its first query.
func First(db *sqlx.DB, posts []Post) *Author { // want First:"runs \\(\\*sqlx.DB\\).Get \\[params 0,1\\]"
	for _, p := range posts {
		var a Author
		if err := db.Get(&a, "SELECT id, name FROM authors WHERE id = ?", p.AuthorID); err == nil {
			return &a
		}
		break
	}
	return nil
}

// Shards fans out over connections: no N+1.
func Shards(shards []*sqlx.DB) int { // want Shards:"runs \\(\\*sqlx.DB\\).Get \\[params 0\\]"
	total := 0
	for _, db := range shards {
		var n int
		db.Get(&n, "SELECT count(*) FROM posts")
		total += n
	}
	return total
}

// Where only builds text in the loop and runs one query after it.
func Where(db *sqlx.DB, filters map[string]string) []Post { // want Where:"runs \\(\\*sqlx.DB\\).Select \\[params 0,1\\]"
	q := "SELECT id, author_id, title FROM posts WHERE 1 = 1"
	var args []any
	for col, v := range filters {
		q += " AND " + col + " = ?"
		args = append(args, v)
	}
	var out []Post
	db.Select(&out, q, args...)
	return out
}

// exec runs any statement it is given.
func exec(db *sqlx.DB, q string, args ...any) { // want exec:"runs \\(\\*sqlx.DB\\).MustExec \\[params 0,2\\] \\[script 1\\]"
	db.MustExec(q, args...)
}

// UntagAll builds an IN statement per post and hands it to a helper that
// runs any text: a statement per post, not a list of scripts.
func UntagAll(db *sqlx.DB, posts []Post, tagIDs map[int64][]int64) {
	for _, p := range posts {
		q, args, _ := sqlx.In("DELETE FROM post_tags WHERE post_id = ? AND tag_id IN (?)", p.ID, tagIDs[p.ID])
		exec(db, db.Rebind(q), args...) // want `basic.exec runs \(\*sqlx.DB\).MustExec once per element of posts`
	}
}
