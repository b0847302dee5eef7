package querycount_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/nplusonelint/nplusonelint/querycount"
)

// BenchmarkStatement measures what counting adds to one statement run
// through database/sql: against the unwrapped driver (direct), wrapped
// with no unit of work (idle), and recorded into a unit of work of 100
// statements, a request's worth (recorded), also from 40 frames deep, as
// below an HTTP server and its middleware (recorded-deep). The driver
// does nothing, so the differences are the counter's own cost.
func BenchmarkStatement(b *testing.B) {
	direct := sql.OpenDB(connectorOf(nopDriver{}))
	defer direct.Close()
	_, counted := openNop(b, nopDriver{})
	run := func(b *testing.B, db *sql.DB, unit bool, depth int) {
		ctx := context.Background()
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if unit && i%100 == 0 {
				ctx = querycount.NewContext(context.Background(), querycount.NewUnit("", nil))
			}
			if err := below(depth, func() error {
				_, err := db.ExecContext(ctx, "UPDATE posts SET views = views + 1 WHERE id = ?", i)
				return err
			}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("direct", func(b *testing.B) { run(b, direct, false, 0) })
	b.Run("idle", func(b *testing.B) { run(b, counted, false, 0) })
	b.Run("recorded", func(b *testing.B) { run(b, counted, true, 0) })
	b.Run("direct-deep", func(b *testing.B) { run(b, direct, false, 40) })
	b.Run("recorded-deep", func(b *testing.B) { run(b, counted, true, 40) })
}

// below calls f from depth more frames down the stack.
//
//go:noinline
func below(depth int, f func() error) error {
	if depth == 0 {
		return f()
	}
	return below(depth-1, f)
}
