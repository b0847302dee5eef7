// Package blog holds the shapes nplusonelint reports for database/sql, // want package:"reaches data access"
// sqlx and squirrel, each beside the rewrite its advice names. The
// execution test runs both on SQLite and counts their statements.
package blog

import (
	"database/sql"

	sq "github.com/Masterminds/squirrel"
	"github.com/jmoiron/sqlx"
)

// Schema creates the tables.
const Schema = `
CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE posts (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL, title TEXT NOT NULL);
CREATE TABLE comments (id INTEGER PRIMARY KEY, post_id INTEGER NOT NULL, body TEXT NOT NULL);
CREATE TABLE archive (id INTEGER PRIMARY KEY, title TEXT NOT NULL);`

// Post is a row of posts.
type Post struct {
	ID       int64  `db:"id"`
	AuthorID int64  `db:"author_id"`
	Title    string `db:"title"`
}

// Seed inserts n authors, n posts and two comments per post.
func Seed(db *sqlx.DB, n int) { // want Seed:"runs \\(\\*sqlx\\.Tx\\)\\.MustExec \\[params 0\\]"
	db.MustExec(Schema)
	tx := db.MustBegin()
	for i := 1; i <= n; i++ {
		tx.MustExec("INSERT INTO authors (id, name) VALUES (?, ?)", i, "author")
		tx.MustExec("INSERT INTO posts (id, author_id, title) VALUES (?, ?, ?)", i, i, "post")
		tx.MustExec("INSERT INTO comments (post_id, body) VALUES (?, 'a'), (?, 'b')", i, i)
	}
	tx.Commit()
}

// Posts lists the posts.
func Posts(db *sqlx.DB) []Post { // want Posts:"runs \\(\\*sqlx.DB\\).Select \\[params 0\\]"
	var posts []Post
	db.Select(&posts, "SELECT id, author_id, title FROM posts ORDER BY id")
	return posts
}

// AuthorNames gets each post's author: 1+N.
func AuthorNames(db *sqlx.DB) map[int64]string { // want AuthorNames:"runs \\(\\*sqlx\\.DB\\)\\.Select via blog\\.Posts \\[params 0\\]"
	out := map[int64]string{}
	for _, p := range Posts(db) {
		var name string
		db.Get(&name, "SELECT name FROM authors WHERE id = ?", p.AuthorID) // want `\(\*sqlx.DB\).Get runs once per element of .*SELECT id, name FROM authors WHERE id IN \(\?\)`
		out[p.ID] = name
	}
	return out
}

// AuthorNamesIn is the rewrite: sqlx.In over the keys, 2 in all.
func AuthorNamesIn(db *sqlx.DB) map[int64]string { // want AuthorNamesIn:"runs \\(\\*sqlx\\.DB\\)\\.Select via blog\\.Posts \\[params 0\\]"
	posts := Posts(db)
	ids := make([]int64, 0, len(posts))
	for _, p := range posts {
		ids = append(ids, p.AuthorID)
	}
	q, args, _ := sqlx.In("SELECT id, name FROM authors WHERE id IN (?)", ids)
	var rows []struct {
		ID   int64  `db:"id"`
		Name string `db:"name"`
	}
	db.Select(&rows, db.Rebind(q), args...)
	names := map[int64]string{}
	for _, r := range rows {
		names[r.ID] = r.Name
	}
	out := map[int64]string{}
	for _, p := range posts {
		out[p.ID] = names[p.AuthorID]
	}
	return out
}

// CommentCounts counts each post's comments while the posts' rows are
// open (database/sql): 1+N.
func CommentCounts(db *sql.DB) map[int64]int { // want CommentCounts:"runs \\(\\*sql\\.DB\\)\\.Query \\[params 0\\]"
	out := map[int64]int{}
	rows, _ := db.Query("SELECT id FROM posts")
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	for _, id := range ids {
		var n int
		db.QueryRow("SELECT COUNT(*) FROM comments WHERE post_id = ?", id).Scan(&n) // want `\(\*sql.DB\).QueryRow runs once per element of ids .*SELECT post_id, COUNT\(\*\) FROM comments WHERE post_id IN \(\?\) GROUP BY post_id`
		out[id] = n
	}
	return out
}

// CommentCountsGrouped is the rewrite: one grouped count, 2 in all.
func CommentCountsGrouped(db *sqlx.DB) map[int64]int { // want CommentCountsGrouped:"runs \\(\\*sqlx\\.DB\\)\\.Select \\[params 0\\]"
	var ids []int64
	db.Select(&ids, "SELECT id FROM posts")
	q, args, _ := sqlx.In("SELECT post_id, COUNT(*) FROM comments WHERE post_id IN (?) GROUP BY post_id", ids)
	rows, _ := db.Queryx(db.Rebind(q), args...)
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		rows.Scan(&id, &n)
		out[id] = n
	}
	return out
}

// Archive inserts a row per post: 1+N.
func Archive(db *sqlx.DB) { // want Archive:"runs \\(\\*sqlx\\.DB\\)\\.Select via blog\\.Posts \\[params 0\\]"
	for _, p := range Posts(db) {
		db.NamedExec("INSERT INTO archive (id, title) VALUES (:id, :title)", p) // want `\(\*sqlx.DB\).NamedExec runs once per element of .*NamedExec\("INSERT … VALUES \(:a, :b\)", rows\)`
	}
}

// ArchiveAtOnce is the rewrite: NamedExec of the slice, 2 in all.
func ArchiveAtOnce(db *sqlx.DB) { // want ArchiveAtOnce:"runs \\(\\*sqlx\\.DB\\)\\.Select via blog\\.Posts \\[params 0\\]"
	posts := Posts(db)
	if len(posts) > 0 {
		db.NamedExec("INSERT INTO archive (id, title) VALUES (:id, :title)", posts)
	}
}

// Titles reads each post's title with squirrel: 1+N.
func Titles(db *sqlx.DB, ids []int64) []string {
	var out []string
	for _, id := range ids {
		var t string
		sq.Select("title").From("posts").Where(sq.Eq{"id": id}).RunWith(db).Scan(&t) // want `\(squirrel.SelectBuilder\).Scan runs once per element of ids .*Where\(sq.Eq\{"id": keys\}\)`
		out = append(out, t)
	}
	return out
}

// TitlesEq is the rewrite: sq.Eq with the slice, 1 in all.
func TitlesEq(db *sqlx.DB, ids []int64) []string { // want TitlesEq:"runs \\(squirrel.SelectBuilder\\).Query \\[params 0,1\\]"
	rows, _ := sq.Select("title").From("posts").Where(sq.Eq{"id": ids}).OrderBy("id").RunWith(db).Query()
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		rows.Scan(&t)
		out = append(out, t)
	}
	return out
}
