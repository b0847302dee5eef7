package sqlxtest

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"github.com/nplusonelint/nplusonelint/querycount"
	"github.com/nplusonelint/nplusonelint/querycount/tests/internal/blogdb"
)

type post struct {
	ID       int
	Title    string
	AuthorID int `db:"author_id"`
}

type author struct {
	ID   int
	Name string
}

func open(t *testing.T) (*querycount.Counter, *sqlx.DB, func(n int)) {
	t.Helper()
	c := querycount.New()
	sqlDB, err := c.Open("sqlite", blogdb.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sqlDB.Close() })
	return c, sqlx.NewDb(sqlDB, "sqlite"), func(n int) {
		if err := blogdb.Seed(sqlDB, n); err != nil {
			t.Fatal(err)
		}
	}
}

func line() int {
	_, _, l, _ := runtime.Caller(1)
	return l + 1
}

var authorLine int

// namesNPlusOne gets each post's author with a query of its own.
func namesNPlusOne(ctx context.Context, db *sqlx.DB) ([]string, error) {
	var posts []post
	if err := db.SelectContext(ctx, &posts, `SELECT id, title, author_id FROM posts ORDER BY id`); err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		var a author
		authorLine = line()
		if err := db.GetContext(ctx, &a, `SELECT id, name FROM authors WHERE id = ?`, p.AuthorID); err != nil {
			return nil, err
		}
		out = append(out, p.Title+" by "+a.Name)
	}
	return out, nil
}

// namesIn is its fix: the authors in one query, sqlx.In expanding the
// keys.
func namesIn(ctx context.Context, db *sqlx.DB) ([]string, error) {
	var posts []post
	if err := db.SelectContext(ctx, &posts, `SELECT id, title, author_id FROM posts ORDER BY id`); err != nil {
		return nil, err
	}
	if len(posts) == 0 {
		return nil, nil
	}
	ids := make([]int, len(posts))
	for i, p := range posts {
		ids[i] = p.AuthorID
	}
	q, args, err := sqlx.In(`SELECT id, name FROM authors WHERE id IN (?)`, ids)
	if err != nil {
		return nil, err
	}
	var authors []author
	if err := db.SelectContext(ctx, &authors, db.Rebind(q), args...); err != nil {
		return nil, err
	}
	names := map[int]string{}
	for _, a := range authors {
		names[a.ID] = a.Name
	}
	var out []string
	for _, p := range posts {
		out = append(out, p.Title+" by "+names[p.AuthorID])
	}
	return out, nil
}

func TestNPlusOneIsCaughtAndItsFixPasses(t *testing.T) {
	c, db, seed := open(t)
	ctx := context.Background()
	rt := &blogdb.RecordingT{TB: t}
	c.ExpectConstant(rt, 2, 5, seed, func() { namesNPlusOne(ctx, db) })
	if len(rt.Errors) != 1 {
		t.Fatalf("the N+1 gave %d failures, want 1: %q", len(rt.Errors), rt.Errors)
	}
	want := fmt.Sprintf("2 → 5  SELECT id, name FROM authors WHERE id = ?\n        at sqlxtest/sqlx_test.go:%d (sqlx: collect the keys and run one query: sqlx.In", authorLine)
	if !strings.Contains(rt.Errors[0], want) {
		t.Errorf("the failure lacks %q:\n%s", want, rt.Errors[0])
	}
	c.ExpectConstant(t, 2, 5, seed, func() { namesIn(ctx, db) })
	c.Expect(t, 2, func() { namesIn(ctx, db) })
	a, err1 := namesNPlusOne(ctx, db)
	b, err2 := namesIn(ctx, db)
	if err1 != nil || err2 != nil || fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("the fix changed the result: %v %v, want %v %v", b, err2, a, err1)
	}
}

// A prepared statement counts once per execution, at the line that runs
// it.
func TestPreparedStatementsCountPerExecution(t *testing.T) {
	c, db, seed := open(t)
	seed(4)
	var want int
	u := c.Capture(func() {
		st, err := db.Preparex(`SELECT name FROM authors WHERE id = ?`)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		for id := 1; id <= 4; id++ {
			var name string
			want = line()
			st.Get(&name, id)
		}
	})
	d := u.Duplicates(2)
	if u.Count() != 4 || len(d) != 1 || d[0].Caller.Line != want || d[0].Library == nil || d[0].Library.Name != "sqlx" {
		t.Errorf("%d statements, duplicates %v; want 4, one group at line %d by sqlx", u.Count(), d, want)
	}
}
