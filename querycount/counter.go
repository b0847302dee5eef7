package querycount

import (
	"context"
	"sync/atomic"
	"time"
)

// A Counter records the statements of the database handles it wraps
// (Connector, Driver, Open) or is attached to by an adapter: into the
// unit of work of each statement's context, and into the unit of a
// Capture, Run or Expect in progress, whatever the context. Its handles
// are safe for concurrent use; Captures are not run from several
// goroutines at once, and a Capture counts every statement its handles
// run meanwhile: tests that share a database in parallel use units in
// contexts (ExpectContext) instead.
type Counter struct {
	run atomic.Pointer[Unit]
}

// New returns a counter.
func New() *Counter { return &Counter{} }

// Record records a statement that started at start and has just ended
// with err, run with ctx, its call site found from the caller's stack.
// Adapters of libraries that do not go through database/sql call it.
func (c *Counter) Record(ctx context.Context, sql string, start time.Time, err error) {
	m, r := markedIn(ctx), c.run.Load()
	if m == nil && r == nil {
		return
	}
	rec := record{sql: sql, start: start, dur: time.Since(start), err: err}
	var st stack
	capture(&st)
	store(m, r, &rec, &st)
}

// store adds a statement to the units of its context and to the
// captures in progress, each once.
func store(m *marked, r *Unit, rec *record, st *stack) {
	for x := m; x != nil; x = x.outer {
		if !x.outer.holds(x.u) {
			x.u.add(rec, st)
		}
	}
	for ; r != nil; r = r.outer {
		if !m.holds(r) {
			r.add(rec, st)
		}
	}
}

// holds reports whether u is in the chain m.
func (m *marked) holds(u *Unit) bool {
	for ; m != nil; m = m.outer {
		if m.u == u {
			return true
		}
	}
	return false
}

// Active reports whether a statement run with ctx now would be recorded:
// ctx carries a unit of work or a Capture is in progress. Adapters check
// it before spending anything on a statement.
func (c *Counter) Active(ctx context.Context) bool {
	return markedIn(ctx) != nil || c.run.Load() != nil
}

// Capture returns the unit of the statements c's handles run while f
// runs. Captures nest: an outer capture sees the inner one's statements
// too.
func (c *Counter) Capture(f func()) *Unit {
	u := NewUnit("", nil)
	u.outer = c.run.Load()
	c.run.Store(u)
	defer c.run.Store(u.outer)
	f()
	u.Finish()
	return u
}

// Run returns how many statements c's handles run while f runs.
func (c *Counter) Run(f func()) int { return c.Capture(f).Count() }

// CaptureContext returns the unit of the statements run with the context
// f is given, a copy of ctx carrying a new unit: counted by any Counter
// or adapter, and only those of f, whatever runs in parallel.
func CaptureContext(ctx context.Context, f func(ctx context.Context)) *Unit {
	u := NewUnit("", nil)
	f(NewContext(ctx, u))
	u.Finish()
	return u
}
