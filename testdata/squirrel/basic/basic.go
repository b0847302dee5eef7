// Package basic holds squirrel N+1s written in one function, and the // want package:"reaches data access"
// loops that are none.
package basic

import (
	"context"
	"database/sql"
	"sync"

	sq "github.com/Masterminds/squirrel"
)

// Post is a row of posts.
type Post struct {
	ID       int64
	AuthorID int64
}

var psql = sq.StatementBuilder.PlaceholderFormat(sq.Dollar)

// Names reads each post's author.
func Names(db *sql.DB, posts []Post) []string {
	var out []string
	for _, p := range posts {
		var name string
		if err := sq.Select("name").From("authors").Where(sq.Eq{"id": p.AuthorID}).RunWith(db).QueryRow().Scan(&name); err != nil { // want `N\+1 query: \(squirrel.SelectBuilder\).QueryRow runs once per element of posts \(loop at basic.go:24; posts is a parameter: origin unknown\); collect the keys and run one query for all of them: Where\(sq.Eq\{"id": keys\}\), which squirrel writes as id IN \(…\)`
			continue
		}
		out = append(out, name)
	}
	return out
}

// NamesAtOnce is the rewrite: one query with sq.Eq over the keys.
func NamesAtOnce(db *sql.DB, posts []Post) (*sql.Rows, error) { // want NamesAtOnce:"runs \\(squirrel.SelectBuilder\\).Query \\[params 0,1\\]"
	ids := make([]int64, 0, len(posts))
	for _, p := range posts {
		ids = append(ids, p.AuthorID)
	}
	return sq.Select("id", "name").From("authors").Where(sq.Eq{"id": ids}).RunWith(db).Query()
}

// Filter only adds Where clauses in the loop and runs once after it.
func Filter(db *sql.DB, filters map[string]any) (*sql.Rows, error) { // want Filter:"runs \\(squirrel.SelectBuilder\\).Query \\[params 0,1\\]"
	q := sq.Select("id").From("posts")
	for col, v := range filters {
		q = q.Where(sq.Eq{col: v})
	}
	return q.RunWith(db).Query()
}

// Cursor updates per row while the rows are open, in a transaction,
// through the context forms.
func Cursor(ctx context.Context, tx *sql.Tx) error { // want Cursor:"runs \\(squirrel\\.SelectBuilder\\)\\.QueryContext \\[params 1\\]"
	rows, err := psql.Select("id").From("posts").RunWith(tx).QueryContext(ctx)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		if _, err := psql.Update("posts").Set("seen", true).Where(sq.Eq{"id": id}).RunWith(tx).ExecContext(ctx); err != nil { // want `\(squirrel.UpdateBuilder\).ExecContext runs once per element of rows .*Where\(sq.Eq\{"id": keys\}\)`
			return err
		}
	}
	return rows.Err()
}

// ToSQL hands the built text to database/sql per post.
func ToSQL(db *sql.DB, posts []Post) {
	for _, p := range posts {
		q, args, _ := sq.Select("name").From("authors").Where("id = ?", p.AuthorID).ToSql()
		db.QueryRow(q, args...) // want `\(\*sql.DB\).QueryRow runs once per element of posts`
	}
}

// Built only builds per post and never runs: no N+1.
func Built(posts []Post) []string {
	var out []string
	for _, p := range posts {
		q, _, _ := sq.Select("name").From("authors").Where(sq.Eq{"id": p.AuthorID}).ToSql()
		out = append(out, q)
	}
	return out
}

// Goroutine deletes per post in a goroutine, through ExecWith.
func Goroutine(db *sql.DB, posts []Post) {
	var wg sync.WaitGroup
	for _, p := range posts {
		wg.Go(func() {
			sq.ExecWith(db, sq.Delete("posts").Where(sq.Eq{"id": p.ID})) // want `squirrel.ExecWith runs once per element of posts`
		})
	}
	wg.Wait()
}

// Closure inserts a row per post.
func Closure(db *sql.DB, posts []Post) {
	insert := func(p Post) {
		sq.Insert("archive").Columns("id").Values(p.ID).RunWith(db).Exec()
	}
	for _, p := range posts {
		insert(p) // want `func literal runs \(squirrel.InsertBuilder\).Exec once per element of posts`
	}
}

// PerTable deletes from each table, and runs a literal list of ids: no N+1.
func PerTable(db *sql.DB, tables []string) { // want PerTable:"runs \\(squirrel.DeleteBuilder\\).Exec \\[params 0\\]"
	for _, t := range tables {
		sq.Delete(t).RunWith(db).Exec()
	}
	for _, id := range []int64{1, 2} {
		sq.Delete("posts").Where(sq.Eq{"id": id}).RunWith(db).Exec()
	}
}

// Chunks deletes a chunk of the ids per iteration: no N+1.
func Chunks(db *sql.DB, ids []int64) { // want Chunks:"runs \\(squirrel.DeleteBuilder\\).Exec \\[params 0,1\\]"
	for i := 0; i < len(ids); i += 500 {
		sq.Delete("posts").Where(sq.Eq{"id": ids[i:min(i+500, len(ids))]}).RunWith(db).Exec()
	}
}

// FirstFound leaves the loop after its first query.
func FirstFound(db *sql.DB, posts []Post) string { // want FirstFound:"runs \\(squirrel.SelectBuilder\\).Scan \\[params 0,1\\]"
	for _, p := range posts {
		var name string
		sq.Select("name").From("authors").Where(sq.Eq{"id": p.AuthorID}).RunWith(db).Scan(&name)
		return name
	}
	return ""
}
