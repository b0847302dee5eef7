// Package xorm is what nplusonelint knows about xorm (xorm.io/xorm): the
// methods of Engine, Session, EngineGroup and Interface that send a
// statement (Library, as data), the AfterLoad and AfterSet hooks xorm
// calls per loaded row, and its remedies (remedies.go): xorm has no eager
// loading, so one In(...) query and grouping in memory (advice), Exist for
// existence (exists.go), one Insert(&rows) for bulk (bulkinsert.go).
package xorm

import (
	"go/types"
	"slices"

	"github.com/nplusonelint/nplusonelint/rules"
)

// path is xorm's import path; forks are its earlier path (go-xorm, up to
// v0.7) and Casdoor's fork, with the same API (checked at v0.7.9 and
// v1.1.6). The fixes are offered on path only: they were proven on it.
const path = "xorm.io/xorm"

var forks = []string{"github.com/go-xorm/xorm", "github.com/xorm-io/xorm"}

// finishers are the statement-sending methods of xorm's Interface, which
// Engine and Session implement (EngineGroup embeds Engine and redefines
// the Query and Rows ones). The schema methods (CreateIndexes,
// IsTableExist, Sync, Truncate, …) run once per table; builders (Where,
// In, ID, Cols, Table, SQL, Join, …) only build a statement. Iterate runs
// one query and calls its function per row.
var finishers = []rules.Method{
	{Name: "Get", Kind: rules.Read},
	{Name: "Exist", Kind: rules.Read},
	{Name: "Find", Kind: rules.Read},
	{Name: "FindAndCount", Kind: rules.Read},
	{Name: "Iterate", Kind: rules.Read},
	{Name: "Rows", Kind: rules.Read},
	{Name: "Count", Kind: rules.Count},
	{Name: "Sum", Kind: rules.Read},
	{Name: "Sums", Kind: rules.Read},
	{Name: "SumInt", Kind: rules.Read},
	{Name: "SumsInt", Kind: rules.Read},
	{Name: "Insert", Kind: rules.Write},
	{Name: "InsertOne", Kind: rules.Write},
	{Name: "InsertMulti", Kind: rules.Write},
	{Name: "Update", Kind: rules.Write},
	{Name: "Delete", Kind: rules.Write},
	// Exec and Query* take the SQL text among variadic arguments
	// (sqlOrArgs ...any): no single parameter holds it.
	{Name: "Exec", Kind: rules.Exec},
	{Name: "Query", Kind: rules.Read},
	{Name: "QueryString", Kind: rules.Read},
	{Name: "QueryInterface", Kind: rules.Read},
	{Name: "QuerySliceString", Kind: rules.Read},
}

// Library is xorm.
var Library = &rules.Library{
	Name:     "xorm",
	Title:    "xorm",
	Paths:    append([]string{path}, forks...),
	Queries:  queries(),
	Invokers: []rules.Method{{Type: "Engine", Name: "Transaction"}},
	Handles:  []string{"Engine", "EngineGroup", "Session", "Interface", "EngineInterface"},
	// processors.go: AfterLoad() and AfterLoad(*Session) run once per
	// loaded bean, AfterSet(column, cell) once per column of each.
	RowHooks:     []string{"AfterLoad", "AfterSet"},
	RowHookMatch: rowHook,
	Structural:   []rules.Method{{Type: "Engine", Name: "Table"}, {Type: "Session", Name: "Table"}, {Type: "Interface", Name: "Table"}},
	SQLBuilders:  []rules.Method{{Type: "Engine", Name: "SQL", SQL: 1}, {Type: "Session", Name: "SQL", SQL: 1}, {Type: "Interface", Name: "SQL", SQL: 1}},
	Remedies:     remedies{},
	RemedyDocs: map[string]string{
		"read-per-element":       "one query over the collected keys, `In(\"key\", keys).Find(&rows)`, grouped in memory: xorm has no eager loading (advice)",
		"write-per-element":      "the rows collected in the loop and one `Insert(&rows)` after it: a fix for new literal rows inserted in an `Engine.Transaction` callback that returns the error, advice otherwise; one statement over the keys for other writes (advice)",
		"count-per-element":      "one count grouped by the key (advice)",
		"count-compared-to-zero": "`Exist(&bean)`: a fix for `n, err := engine.…Count(&bean)` with only conditions, `n` only compared with zero",
	},
	// session_iterate.go: Iterate(bean, fun) calls fun(idx, bean) once per
	// row of its query (Engine's and EngineGroup's delegate to Session's).
	RowCallbacks: []rules.RowCallback{
		{Type: "Engine", Name: "Iterate", Func: 2},
		{Type: "Session", Name: "Iterate", Func: 2},
		{Type: "Interface", Name: "Iterate", Func: 2},
	},
}

// queries lists the finishers on each type declaring them.
func queries() []rules.Method {
	var out []rules.Method
	for _, t := range []string{"Engine", "Session", "Interface"} {
		for _, m := range finishers {
			if m.Name == "InsertMulti" || m.Name == "QuerySliceString" {
				if t != "Session" {
					continue
				}
			}
			m.Type = t
			out = append(out, m)
		}
	}
	for _, n := range []string{"Query", "QueryString", "QueryInterface", "Rows"} {
		out = append(out, rules.Method{Type: "EngineGroup", Name: n, Kind: rules.Read})
	}
	return out
}

// rowHook accepts AfterLoad() and AfterSet(string, xorm.Cell) declared in
// a package importing xorm (AfterLoad(*xorm.Session) takes a handle and
// is accepted by the registry).
func rowHook(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Results().Len() != 0 || fn.Pkg() == nil {
		return false
	}
	switch fn.Name() {
	case "AfterLoad":
		if sig.Params().Len() != 0 {
			return false
		}
	case "AfterSet":
		if sig.Params().Len() != 2 {
			return false
		}
		cell, ok := types.Unalias(sig.Params().At(1).Type()).(*types.Named)
		if !ok || cell.Obj().Name() != "Cell" || cell.Obj().Pkg() == nil || !isXorm(cell.Obj().Pkg().Path()) {
			return false
		}
	}
	for _, imp := range fn.Pkg().Imports() {
		if isXorm(imp.Path()) {
			return true
		}
	}
	return false
}

// isXorm reports whether p is xorm's import path or a fork's.
func isXorm(p string) bool { return p == path || slices.Contains(forks, p) }
