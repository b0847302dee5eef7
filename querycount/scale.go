package querycount

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// ExpectConstant is the scale assertion: it calls setup(small) then
// counts f, calls setup(large) then counts f again, and fails t when f
// ran more statements the second time, listing the statements whose
// number grew, grouped by normalised SQL and call site. setup makes the
// data hold n elements of what f lists (it may add to what an earlier
// call made); small must be at least 1 and less than large.
func (c *Counter) ExpectConstant(t testing.TB, small, large int, setup func(n int), f func()) {
	t.Helper()
	expectConstant(t, small, large, setup, func() *Unit { return c.Capture(f) })
}

// ExpectConstantContext is ExpectConstant for statements run with the
// context f is given: safe with t.Parallel on a shared database.
func ExpectConstantContext(t testing.TB, small, large int, setup func(n int), f func(ctx context.Context)) {
	t.Helper()
	expectConstant(t, small, large, setup, func() *Unit { return CaptureContext(t.Context(), f) })
}

func expectConstant(t testing.TB, small, large int, setup func(int), capture func() *Unit) {
	t.Helper()
	if small < 1 || large <= small {
		t.Fatalf("ExpectConstant(%d, %d): want 1 <= small < large", small, large)
	}
	setup(small)
	a := capture()
	setup(large)
	b := capture()
	if b.Count() <= a.Count() {
		return
	}
	t.Errorf("statements grow with the data: %d at %d, %d at %d; grew:\n%s",
		a.Count(), small, b.Count(), large, growth(a.Groups(), b.Groups()))
}

// growth lists the groups of after that hold more statements than the
// same group of before, with the remedy for their library.
func growth(before, after []Group) string {
	was := map[groupKey]int{}
	for _, g := range before {
		was[groupKey{g.SQL, g.Caller}] = g.Count()
	}
	var b strings.Builder
	for _, g := range after {
		n := was[groupKey{g.SQL, g.Caller}]
		if g.Count() <= n {
			continue
		}
		fmt.Fprintf(&b, "  %d → %d  %s\n        at %s%s\n", n, g.Count(), g.SQL, g.Caller, remedy(g))
	}
	return b.String()
}
