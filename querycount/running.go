package querycount

import (
	"context"
	"time"
)

// A Running statement has started and not yet ended: for adapters of
// libraries whose hooks see a statement start and end in different
// calls (pgx's QueryTracer ends a query when its rows are closed), so
// that the call site is the one that started it.
type Running struct {
	m     *marked
	r     *Unit
	rec   record
	stack stack
}

// Begin notes that a statement run with ctx starts now, its call site
// found from the caller's stack. It returns nil when nothing records the
// statement (no unit in ctx, no Capture in progress): End on nil does
// nothing.
func (c *Counter) Begin(ctx context.Context, sql string) *Running {
	m, r := markedIn(ctx), c.run.Load()
	if m == nil && r == nil {
		return nil
	}
	s := &Running{m: m, r: r, rec: record{sql: sql, start: time.Now()}}
	capture(&s.stack)
	return s
}

// End records the statement as ended now with err.
func (s *Running) End(err error) {
	if s == nil {
		return
	}
	s.rec.dur, s.rec.err = time.Since(s.rec.start), err
	store(s.m, s.r, &s.rec, &s.stack)
}
