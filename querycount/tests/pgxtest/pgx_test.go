package pgxtest

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/nplusonelint/nplusonelint/querycount"
	"github.com/nplusonelint/nplusonelint/querycount/pgxcount"
	"github.com/nplusonelint/nplusonelint/querycount/tests/internal/blogdb"
)

type post struct {
	ID       int32
	Title    string
	AuthorID int32
}

func connect(t *testing.T, s *server, c *querycount.Counter) *pgx.Conn {
	t.Helper()
	cfg, err := pgx.ParseConfig(s.url())
	if err != nil {
		t.Fatal(err)
	}
	cfg.Tracer = pgxcount.NewTracer(c)
	conn, err := pgx.ConnectConfig(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func line() int {
	_, _, l, _ := runtime.Caller(1)
	return l + 1
}

var postsLine, authorLine int

func listPosts(ctx context.Context, db *pgx.Conn) ([]post, error) {
	postsLine = line()
	rows, err := db.Query(ctx, `SELECT id, title, author_id FROM posts`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[post])
}

// namesNPlusOne reads each post's author with a query of its own.
func namesNPlusOne(ctx context.Context, db *pgx.Conn) ([]string, error) {
	posts, err := listPosts(ctx, db)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		var id int32
		var name string
		authorLine = line()
		if err := db.QueryRow(ctx, `SELECT id, name FROM authors WHERE id = $1`, p.AuthorID).Scan(&id, &name); err != nil {
			return nil, err
		}
		out = append(out, p.Title+" by "+name)
	}
	return out, nil
}

// namesAny is its fix: one query over the keys with = ANY($1).
func namesAny(ctx context.Context, db *pgx.Conn) ([]string, error) {
	posts, err := listPosts(ctx, db)
	if err != nil {
		return nil, err
	}
	ids := make([]int32, len(posts))
	for i, p := range posts {
		ids[i] = p.AuthorID
	}
	rows, err := db.Query(ctx, `SELECT id, name FROM authors WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, err
	}
	names := map[int32]string{}
	var id int32
	var name string
	if _, err := pgx.ForEachRow(rows, []any{&id, &name}, func() error { names[id] = name; return nil }); err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		out = append(out, p.Title+" by "+names[p.AuthorID])
	}
	return out, nil
}

// namesBatch is the other fix: the author queries in one batch.
func namesBatch(ctx context.Context, db *pgx.Conn) ([]string, error) {
	posts, err := listPosts(ctx, db)
	if err != nil {
		return nil, err
	}
	b := &pgx.Batch{}
	out := make([]string, len(posts))
	for i, p := range posts {
		b.Queue(`SELECT id, name FROM authors WHERE id = $1`, p.AuthorID).QueryRow(func(r pgx.Row) error {
			var id int32
			var name string
			err := r.Scan(&id, &name)
			out[i] = p.Title + " by " + name
			return err
		})
	}
	return out, db.SendBatch(ctx, b).Close()
}

func TestNPlusOneIsCaughtAndItsFixesPass(t *testing.T) {
	s := startServer(t)
	c := querycount.New()
	db := connect(t, s, c)
	ctx := context.Background()
	seed := func(n int) { s.posts.Store(int64(n)) }
	rt := &blogdb.RecordingT{TB: t}
	c.ExpectConstant(rt, 2, 5, seed, func() { namesNPlusOne(ctx, db) })
	if len(rt.Errors) != 1 {
		t.Fatalf("the N+1 gave %d failures, want 1: %q", len(rt.Errors), rt.Errors)
	}
	want := fmt.Sprintf("2 → 5  SELECT id, name FROM authors WHERE id = ?\n        at pgxtest/pgx_test.go:%d (pgx: collect the keys and run one query with \"= ANY($1)\", or queue the statements in a pgx.Batch)", authorLine)
	if !strings.Contains(rt.Errors[0], want) {
		t.Errorf("the failure lacks %q:\n%s", want, rt.Errors[0])
	}
	for name, fix := range map[string]func(context.Context, *pgx.Conn) ([]string, error){"ANY": namesAny, "Batch": namesBatch} {
		c.ExpectConstant(t, 2, 5, seed, func() { fix(ctx, db) })
		c.Expect(t, 2, func() { fix(ctx, db) })
		a, err1 := namesNPlusOne(ctx, db)
		b, err2 := fix(ctx, db)
		if err1 != nil || err2 != nil || fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("%s: the fix changed the result: %v %v, want %v %v", name, b, err2, a, err1)
		}
	}
}

// A query's call site is where it ran, not where its rows were closed
// (pgx.CollectRows, inside pgx).
func TestQueryCallSiteIsTheQuery(t *testing.T) {
	s := startServer(t)
	s.posts.Store(3)
	c := querycount.New()
	db := connect(t, s, c)
	u := c.Capture(func() { listPosts(context.Background(), db) })
	st := u.Statements()
	if len(st) != 1 || st[0].Caller.Line != postsLine || st[0].Library == nil || st[0].Library.Name != "pgx" {
		t.Fatalf("statements %+v, want one at line %d run by pgx", st, postsLine)
	}
}

// A pool's connections trace into the units of their contexts: parallel
// tests see only their own statements.
func TestPoolInParallelTests(t *testing.T) {
	s := startServer(t)
	s.posts.Store(6)
	cfg, err := pgxpool.ParseConfig(s.url())
	if err != nil {
		t.Fatal(err)
	}
	cfg.ConnConfig.Tracer = pgxcount.NewTracer(querycount.New())
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	for k := 1; k <= 6; k++ {
		t.Run(fmt.Sprint(k), func(t *testing.T) {
			t.Parallel()
			querycount.ExpectContext(t, k, func(ctx context.Context) {
				for id := range k {
					var n int32
					var name string
					if err := pool.QueryRow(ctx, `SELECT id, name FROM authors WHERE id = $1`, id+1).Scan(&n, &name); err != nil {
						t.Error(err)
					}
				}
			})
		})
	}
}
