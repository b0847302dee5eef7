package querycount

import (
	"cmp"
	"slices"
	"strings"
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

// Advice returns the remedy for the group: for a count, an update or a
// delete, one statement over the keys; for an insert or a read, the
// library's idiom, or "" when no known library ran it.
func (g Group) Advice() string {
	switch verb := firstWord(g.SQL); {
	case verb == "UPDATE" || verb == "DELETE":
		return "one statement over the keys: … WHERE id IN (…)"
	case verb == "SELECT" && strings.HasPrefix(strings.ToUpper(strings.TrimPrefix(g.SQL[len(verb):], " ")), "COUNT("):
		return "count them in one query grouped by the key: SELECT key, count(*) … WHERE key IN (…) GROUP BY key"
	case g.Library == nil:
		return ""
	case verb == "INSERT" && g.Library.InsertAdvice != "":
		return g.Library.InsertAdvice
	case verb == "INSERT":
		return "collect the rows and insert them in one multi-row INSERT"
	}
	return g.Library.Advice
}

// firstWord returns the SQL's first word in upper case.
func firstWord(sql string) string {
	sql = strings.TrimLeft(sql, " (")
	if i := strings.IndexByte(sql, ' '); i >= 0 {
		sql = sql[:i]
	}
	return strings.ToUpper(sql)
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
