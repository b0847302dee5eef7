package querycount

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// Expect fails t unless c's handles run exactly want statements while f
// runs, listing them with their call sites.
func (c *Counter) Expect(t testing.TB, want int, f func()) {
	t.Helper()
	expect(t, want, c.Capture(f))
}

// ExpectContext fails t unless f runs exactly want statements with the
// context it is given (a copy of t.Context() carrying a unit of work):
// safe with t.Parallel on a shared database.
func ExpectContext(t testing.TB, want int, f func(ctx context.Context)) {
	t.Helper()
	expect(t, want, CaptureContext(t.Context(), f))
}

func expect(t testing.TB, want int, u *Unit) {
	t.Helper()
	if got := u.Count(); got != want {
		t.Errorf("ran %d statements, want %d:\n%s", got, want, listing(u.Statements()))
	}
}

// listing numbers statements, one a line, with their call sites.
func listing(stmts []Statement) string {
	var b strings.Builder
	for i, s := range stmts {
		fmt.Fprintf(&b, "%3d  %s  (%s)\n", i+1, s.SQL, s.Caller)
	}
	return b.String()
}
