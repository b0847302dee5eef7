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
// statements, a request's worth (recorded). The driver does nothing, so
// the differences are the counter's own cost.
func BenchmarkStatement(b *testing.B) {
	direct := sql.OpenDB(connectorOf(nopDriver{}))
	defer direct.Close()
	_, counted := openNop(b, nopDriver{})
	run := func(b *testing.B, db *sql.DB, unit bool) {
		ctx := context.Background()
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if unit && i%100 == 0 {
				ctx = querycount.NewContext(context.Background(), querycount.NewUnit("", nil))
			}
			if _, err := db.ExecContext(ctx, "UPDATE posts SET views = views + 1 WHERE id = ?", i); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("direct", func(b *testing.B) { run(b, direct, false) })
	b.Run("idle", func(b *testing.B) { run(b, counted, false) })
	b.Run("recorded", func(b *testing.B) { run(b, counted, true) })
}
