package querycount

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
)

// A Detector reports, when a unit of work finishes, each statement the
// unit ran at least Min times from one call site with the same
// normalised SQL: once per group, with the call site, the count and the
// remedy for the library that ran it.
type Detector struct {
	// Min is the smallest count reported; 0 means 2.
	Min int
	// Report receives each duplicate group: Log, Fail, or a Collector's
	// Report. Nil means Log(slog.Default()).
	Report func(u *Unit, g Group)
}

func (d *Detector) check(u *Unit) {
	min := d.Min
	if min == 0 {
		min = 2
	}
	report := d.Report
	if report == nil {
		report = Log(slog.Default())
	}
	for _, g := range u.Duplicates(min) {
		report(u, g)
	}
}

// Message describes a duplicate group of a unit in one line.
func Message(u *Unit, g Group) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d× the same statement from %s", g.Count(), g.Caller)
	if u != nil && u.Name() != "" {
		fmt.Fprintf(&b, " in %s", u.Name())
	}
	fmt.Fprintf(&b, ": %s%s", g.SQL, remedy(g))
	return b.String()
}

// remedy returns " (library: advice)" for a group, or "" without advice.
func remedy(g Group) string {
	switch a := g.Advice(); {
	case a == "":
		return ""
	case g.Library == nil:
		return " (" + a + ")"
	default:
		return " (" + g.Library.Name + ": " + a + ")"
	}
}

// Log returns a Detector.Report that logs each group as a warning.
func Log(l *slog.Logger) func(*Unit, Group) {
	return func(u *Unit, g Group) {
		l.Warn("querycount: N+1 query: "+Message(u, g),
			"unit", u.Name(), "count", g.Count(), "caller", g.Caller.String(), "sql", g.SQL)
	}
}

// Fail returns a Detector.Report that fails t with each group.
func Fail(t testing.TB) func(*Unit, Group) {
	return func(u *Unit, g Group) {
		t.Helper()
		t.Errorf("N+1 query: %s", Message(u, g))
	}
}

// A Collector keeps the groups reported to it. It is safe for concurrent
// use.
type Collector struct {
	mu     sync.Mutex
	groups []Finding
}

// A Finding is a duplicate group and the unit that ran it.
type Finding struct {
	Unit  *Unit
	Group Group
}

// Report is a Detector.Report that keeps the group.
func (c *Collector) Report(u *Unit, g Group) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.groups = append(c.groups, Finding{u, g})
}

// Findings returns the groups reported so far.
func (c *Collector) Findings() []Finding {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]Finding(nil), c.groups...)
}

// Watch returns a context carrying a unit of work named after t; when t
// ends, the unit's duplicates go to d, and fail t when d.Report is nil.
func Watch(t testing.TB, d Detector) context.Context {
	if d.Report == nil {
		d.Report = Fail(t)
	}
	u := NewUnit(t.Name(), &d)
	t.Cleanup(u.Finish)
	return NewContext(t.Context(), u)
}
