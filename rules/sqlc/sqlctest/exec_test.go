// Package sqlctest runs sqlc's generated database/sql code (SQLite
// engine) on an embedded SQLite: the N+1 the analyzer reports issues
// 1+N statements, the advised sqlc.slice query a constant number.
package sqlctest

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	_ "github.com/glebarez/go-sqlite"
	"github.com/nplusonelint/nplusonelint/querycount"

	"example.com/sqlcapp/liteapp"
)

const schema = `CREATE TABLE authors (id BIGINT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE posts (id BIGINT PRIMARY KEY, author_id BIGINT NOT NULL, title TEXT NOT NULL);`

// open returns a fresh database of n posts by n authors, counted by c.
func open(t *testing.T, c *querycount.Counter, n int) *sql.DB {
	t.Helper()
	db, err := c.Open("sqlite", fmt.Sprintf("file:sqlc%d?mode=memory&cache=shared", n))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(schema); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= n; i++ {
		if _, err := db.Exec("INSERT INTO authors VALUES (?, ?)", i, fmt.Sprint("author ", i)); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec("INSERT INTO posts VALUES (?, ?, ?)", i, i, fmt.Sprint("post ", i)); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func TestStatements(t *testing.T) {
	ctx := context.Background()
	for _, n := range []int{3, 12} {
		c := querycount.New()
		db := open(t, c, n)
		var before, after []string
		perPost := c.Run(func() {
			var err error
			if before, err = liteapp.Bylines(ctx, db); err != nil {
				t.Fatal(err)
			}
		})
		once := c.Run(func() {
			var err error
			if after, err = liteapp.BylinesAtOnce(ctx, db); err != nil {
				t.Fatal(err)
			}
		})
		if perPost != 1+n {
			t.Errorf("%d posts: the reported loop ran %d statements, want 1+%d", n, perPost, n)
		}
		if once != 2 {
			t.Errorf("%d posts: the advised rewrite ran %d statements, want 2", n, once)
		}
		if fmt.Sprint(before) != fmt.Sprint(after) {
			t.Errorf("%d posts: the rewrite reads %v, the loop %v", n, after, before)
		}
		t.Logf("%d posts: %d statements per post, %d with sqlc.slice", n, perPost, once)
	}
}
