package sqlxtest

import (
	"path/filepath"
	"testing"

	_ "github.com/glebarez/go-sqlite"
	"github.com/jmoiron/sqlx"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/nplusonelint/nplusonelint/analyzer"
	"github.com/nplusonelint/nplusonelint/querycount"
	"github.com/nplusonelint/nplusonelint/rules/sqlx/sqlxtest/blog"
)

// The analyzer reports each 1+N shape of the blog, and none of the
// rewrites its advice names.
func TestReported(t *testing.T) {
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, analyzer.Analyzer, "./blog")
}

// Each reported shape issues 1+N statements at two sizes; its rewrite a
// constant number, with the same result.
func TestRewritesRemoveQueries(t *testing.T) {
	for _, c := range []struct {
		name          string
		before, after func(db *sqlx.DB) any
		want          [2]int // statements at 3 and 12 posts, before
		wantAfter     int
	}{
		{"sqlx Get per post", func(db *sqlx.DB) any { return blog.AuthorNames(db) }, func(db *sqlx.DB) any { return blog.AuthorNamesIn(db) }, [2]int{4, 13}, 2},
		{"database/sql COUNT per post", func(db *sqlx.DB) any { return blog.CommentCounts(db.DB) }, func(db *sqlx.DB) any { return blog.CommentCountsGrouped(db) }, [2]int{4, 13}, 2},
		{"sqlx NamedExec per post", func(db *sqlx.DB) any { blog.Archive(db); return archived(db) }, func(db *sqlx.DB) any { blog.ArchiveAtOnce(db); return archived(db) }, [2]int{5, 14}, 3},
		{"squirrel Scan per id", func(db *sqlx.DB) any { return blog.Titles(db, ids(db)) }, func(db *sqlx.DB) any { return blog.TitlesEq(db, ids(db)) }, [2]int{4, 13}, 2},
	} {
		for i, n := range []int{3, 12} {
			before, nb := run(t, n, c.before)
			after, na := run(t, n, c.after)
			if nb != c.want[i] || na != c.wantAfter {
				t.Errorf("%s at %d posts: %d statements before, %d after; want %d, %d", c.name, n, nb, na, c.want[i], c.wantAfter)
			}
			if !equal(before, after) {
				t.Errorf("%s at %d posts: %v before, %v after", c.name, n, before, after)
			}
		}
	}
}

// run seeds a fresh database with n posts and counts f's statements.
func run(t *testing.T, n int, f func(db *sqlx.DB) any) (any, int) {
	c := querycount.New()
	sdb, err := c.Open("sqlite", "file::memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	sdb.SetMaxOpenConns(1) // one in-memory database
	db := sqlx.NewDb(sdb, "sqlite")
	blog.Seed(db, n)
	var out any
	u := c.Capture(func() { out = f(db) })
	return out, u.Count()
}

func ids(db *sqlx.DB) []int64 {
	var ids []int64
	db.Select(&ids, "SELECT id FROM posts ORDER BY id")
	return ids
}

func archived(db *sqlx.DB) int {
	var n int
	db.Get(&n, "SELECT COUNT(*) FROM archive")
	return n
}
