package querycount_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/nplusonelint/nplusonelint/querycount"
)

func listPosts(ctx context.Context, db *sql.DB) {}

func seedPosts(db *sql.DB, n int) {}

// A test pins the number of statements a function runs, and fails when it
// grows with the data: 2 posts, then 5.
func ExampleCounter_ExpectConstant() {
	_ = func(t *testing.T) {
		c := querycount.New()
		db, err := c.Open("sqlite", "blog.db") // any registered database/sql driver
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		c.Expect(t, 2, func() { listPosts(ctx, db) })
		c.ExpectConstant(t, 2, 5, func(n int) { seedPosts(db, n) }, func() { listPosts(ctx, db) })
	}
}

// A test fails on any statement it runs twice or more from one call site;
// parallel tests on one database each see their own.
func ExampleWatch() {
	var db *sql.DB // opened by a querycount.Counter
	_ = func(t *testing.T) {
		t.Parallel()
		ctx := querycount.Watch(t, querycount.Detector{})
		listPosts(ctx, db)
	}
}
