package querycount_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/nplusonelint/nplusonelint/querycount"
)

func openNop(t testing.TB, d nopDriver) (*querycount.Counter, *sql.DB) {
	c := querycount.New()
	db := sql.OpenDB(c.Connector(connectorOf(d)))
	t.Cleanup(func() { db.Close() })
	return c, db
}

// connectorOf is the connector sql.Open would make for d.
type connectorOf nopDriver

func (k connectorOf) Connect(context.Context) (driver.Conn, error) { return nopDriver(k).Open("") }
func (k connectorOf) Driver() driver.Driver                        { return nopDriver(k) }

// line returns the line after the caller's.
func line() int {
	_, _, l, _ := runtime.Caller(1)
	return l + 1
}

func TestCountsExecQueryAndPrepared(t *testing.T) {
	for _, d := range []nopDriver{{}, {prepareOnly: true}} {
		c, db := openNop(t, d)
		c.Expect(t, 4, func() {
			db.Exec("DELETE FROM t WHERE id = ?", 1)
			rows, err := db.Query("SELECT x FROM t")
			if err != nil {
				t.Fatal(err)
			}
			rows.Close()
			st, err := db.Prepare("SELECT x FROM t WHERE id = ?")
			if err != nil {
				t.Fatal(err)
			}
			for i := range 2 {
				st.QueryRow(i).Scan(new(int))
			}
			st.Close()
			tx, _ := db.Begin()
			tx.Commit()
			db.Ping()
		})
	}
}

func TestCallerIsTheCallersLine(t *testing.T) {
	c, db := openNop(t, nopDriver{})
	var want int
	u := c.Capture(func() {
		want = line()
		db.Exec("UPDATE t SET x = 1")
	})
	s := u.Statements()
	if len(s) != 1 {
		t.Fatalf("%d statements, want 1", len(s))
	}
	if got := s[0].Caller; filepath.Base(got.File) != "counter_test.go" || got.Line != want || !strings.HasSuffix(got.Function, "TestCallerIsTheCallersLine.func1") {
		t.Errorf("caller %+v, want counter_test.go:%d", got, want)
	}
	if s[0].Library == nil || s[0].Library.Name != "database/sql" {
		t.Errorf("library %v, want database/sql", s[0].Library)
	}
}

// Units in contexts see only their own statements, whatever runs in
// parallel; statements without a unit or capture are not kept.
func TestUnitsAreIsolated(t *testing.T) {
	_, db := openNop(t, nopDriver{})
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			u := querycount.CaptureContext(context.Background(), func(ctx context.Context) {
				for range i {
					db.ExecContext(ctx, "INSERT INTO t VALUES (?)", i)
				}
				db.Exec("SELECT 1") // no unit
			})
			if u.Count() != i {
				t.Errorf("unit %d saw %d statements", i, u.Count())
			}
		})
	}
	wg.Wait()
}

func TestDetectorReportsEachDuplicateOnce(t *testing.T) {
	_, db := openNop(t, nopDriver{})
	var col querycount.Collector
	u := querycount.NewUnit("GET /posts", &querycount.Detector{Min: 3, Report: col.Report})
	ctx := querycount.NewContext(context.Background(), u)
	db.QueryContext(ctx, "SELECT * FROM posts")
	var want int
	for i := range 5 {
		want = line()
		db.QueryContext(ctx, "SELECT * FROM authors WHERE id = ?", i)
		db.QueryContext(ctx, "SELECT * FROM tags WHERE post_id = "+string(rune('0'+i)))
	}
	for range 2 {
		db.QueryContext(ctx, "SELECT 1") // under Min
	}
	u.Finish()
	u.Finish()
	db.QueryContext(ctx, "SELECT 2") // after the end: not recorded
	f := col.Findings()
	if len(f) != 2 {
		t.Fatalf("%d findings, want 2: %v", len(f), f)
	}
	g := f[0].Group
	if g.Count() != 5 || g.SQL != "SELECT * FROM authors WHERE id = ?" || g.Caller.Line != want {
		t.Errorf("first finding %d× %q at %s, want 5× the authors query at line %d", g.Count(), g.SQL, g.Caller, want)
	}
	if f[1].Group.SQL != "SELECT * FROM tags WHERE post_id = ?" {
		t.Errorf("second finding %q, want the tags query with its literal folded", f[1].Group.SQL)
	}
	msg := querycount.Message(f[0].Unit, g)
	for _, part := range []string{"5×", "counter_test.go:", "GET /posts", "database/sql: collect the keys"} {
		if !strings.Contains(msg, part) {
			t.Errorf("message %q lacks %q", msg, part)
		}
	}
	if u.Count() != 13 {
		t.Errorf("unit holds %d statements, want 13", u.Count())
	}
}

// A query method in a generated file is skipped: the call site is the
// hand-written line that called it.
func TestGeneratedFramesAreSkipped(t *testing.T) {
	c, db := openNop(t, nopDriver{})
	var want int
	u := c.Capture(func() {
		want = line()
		getAuthor(context.Background(), db, 1)
	})
	if s := u.Statements(); len(s) != 1 || s[0].Caller.Line != want || filepath.Base(s[0].Caller.File) != "counter_test.go" {
		t.Errorf("statements %+v, want one called from counter_test.go:%d", s, want)
	}
}

func TestCapturesNest(t *testing.T) {
	c, db := openNop(t, nopDriver{})
	var inner *querycount.Unit
	outer := c.Capture(func() {
		db.Exec("DELETE FROM a")
		inner = c.Capture(func() { db.Exec("DELETE FROM b") })
		db.Exec("DELETE FROM c")
	})
	if outer.Count() != 3 || inner.Count() != 1 {
		t.Errorf("outer saw %d statements, inner %d; want 3 and 1", outer.Count(), inner.Count())
	}
}

// A unit marked within another (a span within a request) counts in both.
func TestMarkedUnitsNest(t *testing.T) {
	_, db := openNop(t, nopDriver{})
	req := querycount.NewUnit("request", nil)
	ctx := querycount.NewContext(context.Background(), req)
	db.ExecContext(ctx, "DELETE FROM a")
	span := querycount.NewUnit("span", nil)
	spanCtx := querycount.NewContext(ctx, span)
	db.ExecContext(spanCtx, "DELETE FROM b")
	db.ExecContext(querycount.NewContext(spanCtx, req), "DELETE FROM c") // req again: once
	if req.Count() != 3 || span.Count() != 2 || querycount.FromContext(spanCtx) != span {
		t.Errorf("request saw %d statements, span %d; want 3 and 2", req.Count(), span.Count())
	}
}
