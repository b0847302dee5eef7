package querycount

import (
	"context"
	"slices"
	"sync"
	"time"
)

// A Unit is a unit of work: a test, an HTTP request, or any span a
// program marks. It records the statements run with a context carrying
// it (NewContext) until it is finished. It is safe for concurrent use.
type Unit struct {
	name     string
	start    time.Time
	detector *Detector
	// outer is the capture in progress when this one started.
	outer *Unit

	mu   sync.Mutex
	recs []record
	end  time.Time
	// stacks are the distinct stacks of recs, indexed by stackIndex: a
	// loop's statements share theirs. sites caches them resolved.
	stacks     []stack
	stackIndex map[stack]int
	sites      map[int]site
}

// NewUnit starts a unit of work. When d is not nil, Finish reports the
// unit's duplicates to it.
func NewUnit(name string, d *Detector) *Unit {
	return &Unit{name: name, start: time.Now(), detector: d}
}

type unitKey struct{}

// marked is the chain of units a context carries, innermost first.
type marked struct {
	u     *Unit
	outer *marked
}

// NewContext returns a copy of ctx carrying u: statements run with it are
// recorded in u, and in the units ctx carries already (a span marked
// within a request counts in the request too).
func NewContext(ctx context.Context, u *Unit) context.Context {
	return context.WithValue(ctx, unitKey{}, &marked{u, markedIn(ctx)})
}

// FromContext returns the innermost unit ctx carries, or nil.
func FromContext(ctx context.Context) *Unit {
	if m := markedIn(ctx); m != nil {
		return m.u
	}
	return nil
}

func markedIn(ctx context.Context) *marked {
	if ctx == nil {
		return nil
	}
	m, _ := ctx.Value(unitKey{}).(*marked)
	return m
}

// Name returns the name the unit was started with.
func (u *Unit) Name() string { return u.name }

// Start returns when the unit started.
func (u *Unit) Start() time.Time { return u.start }

// End returns when the unit was finished, or the zero time.
func (u *Unit) End() time.Time {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.end
}

// add records a statement run from st unless the unit is finished.
func (u *Unit) add(r *record, st *stack) {
	u.mu.Lock()
	if u.end.IsZero() {
		i, ok := u.stackIndex[*st]
		if !ok {
			if u.stackIndex == nil {
				u.stackIndex = map[stack]int{}
			}
			i = len(u.stacks)
			u.stacks = append(u.stacks, *st)
			u.stackIndex[*st] = i
		}
		r.stack = i
		u.recs = append(u.recs, *r)
	}
	u.mu.Unlock()
}

// Count returns how many statements the unit recorded.
func (u *Unit) Count() int {
	u.mu.Lock()
	defer u.mu.Unlock()
	return len(u.recs)
}

// Statements returns the unit's statements in the order they started.
func (u *Unit) Statements() []Statement {
	u.mu.Lock()
	defer u.mu.Unlock()
	out := make([]Statement, len(u.recs))
	for i := range u.recs {
		r := &u.recs[i]
		s := u.siteOf(r)
		out[i] = Statement{SQL: r.sql, Start: r.start, Duration: r.dur, Err: r.err, Caller: s.caller, Library: s.library}
	}
	return out
}

// siteOf resolves a record's stack; u.mu is held.
func (u *Unit) siteOf(r *record) site {
	if s, ok := u.sites[r.stack]; ok {
		return s
	}
	st := u.stacks[r.stack][:]
	if n := slices.Index(st, 0); n >= 0 {
		st = st[:n]
	}
	s := resolve(st)
	if u.sites == nil {
		u.sites = map[int]site{}
	}
	u.sites[r.stack] = s
	return s
}

// Finish ends the unit: it records no more statements, and its
// duplicates go to its detector. Finishing twice does nothing.
func (u *Unit) Finish() {
	u.mu.Lock()
	done := !u.end.IsZero()
	if !done {
		u.end = time.Now()
	}
	u.mu.Unlock()
	if !done && u.detector != nil {
		u.detector.check(u)
	}
}
