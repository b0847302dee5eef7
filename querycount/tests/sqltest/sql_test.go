package sqltest

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/nplusonelint/nplusonelint/querycount"
	"github.com/nplusonelint/nplusonelint/querycount/tests/internal/blogdb"
)

// open opens the blog through the counting driver wrapper.
func open(t *testing.T) (*querycount.Counter, *sql.DB, func(n int)) {
	t.Helper()
	c := querycount.New()
	db, err := c.Open("sqlite", blogdb.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return c, db, func(n int) {
		if err := blogdb.Seed(db, n); err != nil {
			t.Fatal(err)
		}
	}
}

func line() int {
	_, _, l, _ := runtime.Caller(1)
	return l + 1
}

var authorLine int

// titlesNPlusOne reads each post's author with a query of its own.
func titlesNPlusOne(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT title, author_id FROM posts ORDER BY id`)
	if err != nil {
		return nil, err
	}
	type post struct {
		title  string
		author int
	}
	var posts []post
	for rows.Next() {
		var p post
		if err := rows.Scan(&p.title, &p.author); err != nil {
			return nil, err
		}
		posts = append(posts, p)
	}
	rows.Close()
	var out []string
	for _, p := range posts {
		var name string
		authorLine = line()
		if err := db.QueryRowContext(ctx, `SELECT name FROM authors WHERE id = ?`, p.author).Scan(&name); err != nil {
			return nil, err
		}
		out = append(out, p.title+" by "+name)
	}
	return out, nil
}

// titlesJoined is its fix: one query.
func titlesJoined(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT p.title, a.name FROM posts p JOIN authors a ON a.id = p.author_id ORDER BY p.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var title, name string
		if err := rows.Scan(&title, &name); err != nil {
			return nil, err
		}
		out = append(out, title+" by "+name)
	}
	return out, rows.Err()
}

func TestNPlusOneIsCaughtAndItsFixPasses(t *testing.T) {
	c, db, seed := open(t)
	ctx := context.Background()
	rt := &blogdb.RecordingT{TB: t}
	c.ExpectConstant(rt, 2, 5, seed, func() { titlesNPlusOne(ctx, db) })
	if len(rt.Errors) != 1 {
		t.Fatalf("the N+1 gave %d failures, want 1: %q", len(rt.Errors), rt.Errors)
	}
	want := fmt.Sprintf("2 → 5  SELECT name FROM authors WHERE id = ?\n        at sqltest/sql_test.go:%d (database/sql: collect the keys", authorLine)
	if !strings.Contains(rt.Errors[0], want) {
		t.Errorf("the failure lacks %q:\n%s", want, rt.Errors[0])
	}
	c.ExpectConstant(t, 2, 5, seed, func() { titlesJoined(ctx, db) })
	c.Expect(t, 1, func() { titlesJoined(ctx, db) })
	a, err1 := titlesNPlusOne(ctx, db)
	b, err2 := titlesJoined(ctx, db)
	if err1 != nil || err2 != nil || fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("the fix changed the result: %v %v, %v %v", b, err2, a, err1)
	}
}

// Parallel tests on one database through the wrapper see only their own
// statements.
func TestParallelTestsAreIsolated(t *testing.T) {
	_, db, seed := open(t)
	seed(6)
	for k := 1; k <= 6; k++ {
		t.Run(fmt.Sprint(k), func(t *testing.T) {
			t.Parallel()
			querycount.ExpectContext(t, k, func(ctx context.Context) {
				for i := range k {
					var n int
					db.QueryRowContext(ctx, `SELECT count(*) FROM posts WHERE id > ?`, i).Scan(&n)
				}
			})
		})
	}
}

type Author struct {
	ID   uint
	Name string
}

type Post struct {
	ID       uint
	Title    string
	AuthorID uint
	Author   Author
}

// GORM on the wrapped driver: counted below the library, the call site
// still in this file and the advice GORM's.
func TestGORMAtTheDriverLevel(t *testing.T) {
	_, sqlDB, seed := open(t)
	seed(3)
	gdb, err := gorm.Open(sqlite.Dialector{Conn: sqlDB}, &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	var col querycount.Collector
	u := querycount.NewUnit("list", &querycount.Detector{Report: col.Report})
	ctx := querycount.NewContext(context.Background(), u)
	var posts []Post
	gdb.WithContext(ctx).Find(&posts)
	var want int
	for _, p := range posts {
		want = line()
		gdb.WithContext(ctx).First(&p.Author, p.AuthorID)
	}
	u.Finish()
	f := col.Findings()
	if len(f) != 1 {
		t.Fatalf("%d findings, want 1: %v", len(f), f)
	}
	g := f[0].Group
	if g.Count() != 3 || g.Caller.Line != want || !strings.HasSuffix(g.Caller.File, "sql_test.go") || g.Library == nil || g.Library.Name != "GORM" {
		t.Errorf("finding %s, want 3× at sql_test.go:%d by GORM", querycount.Message(f[0].Unit, g), want)
	}
	querycount.ExpectContext(t, 2, func(ctx context.Context) { gdb.WithContext(ctx).Preload("Author").Find(&posts) })
}
