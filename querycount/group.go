package querycount

import (
	"cmp"
	"slices"
	"time"
)

// A Group is the statements of a unit that share their normalised SQL and
// their call site.
type Group struct {
	// SQL is the statements' normalised SQL.
	SQL string
	// Caller is their call site, Library the library that ran them.
	Caller  Frame
	Library *Library
	// Statements are the group's statements in the order they ran.
	Statements []Statement
}

// Count returns how many statements the group holds.
func (g Group) Count() int { return len(g.Statements) }

// Duration returns the time the group's statements took together.
func (g Group) Duration() time.Duration {
	var d time.Duration
	for _, s := range g.Statements {
		d += s.Duration
	}
	return d
}

// Advice returns the remedy for the group in its library's idiom, or ""
// when no known library ran it.
func (g Group) Advice() string {
	if g.Library == nil {
		return ""
	}
	return g.Library.Advice
}

type groupKey struct {
	sql    string
	caller Frame
}

// Groups returns the unit's statements grouped by normalised SQL and call
// site, largest group first, ties in order of first run.
func (u *Unit) Groups() []Group {
	return groupStatements(u.Statements())
}

// Duplicates returns the groups of at least min statements.
func (u *Unit) Duplicates(min int) []Group {
	var out []Group
	for _, g := range u.Groups() {
		if g.Count() >= min {
			out = append(out, g)
		}
	}
	return out
}

func groupStatements(stmts []Statement) []Group {
	index := map[groupKey]int{}
	var groups []Group
	for _, s := range stmts {
		k := groupKey{s.Normalized(), s.Caller}
		i, ok := index[k]
		if !ok {
			i = len(groups)
			index[k] = i
			groups = append(groups, Group{SQL: k.sql, Caller: s.Caller, Library: s.Library})
		}
		groups[i].Statements = append(groups[i].Statements, s)
	}
	slices.SortStableFunc(groups, func(a, b Group) int { return cmp.Compare(b.Count(), a.Count()) })
	return groups
}
