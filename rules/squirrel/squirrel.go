// Package squirrel is what nplusonelint knows about
// github.com/Masterminds/squirrel: a builder runs its statement only
// through Exec, Query, QueryRow or Scan (and their Context forms) after
// RunWith, through the package's ExecWith/QueryWith/QueryRowWith, or
// through a StmtCache; Select, Where, Join, ToSql and the rest only build
// (ToSql's text reaching a database/sql or sqlx call is that library's
// query). The advice writes the one query with sq.Eq over the keys.
package squirrel

import (
	"github.com/nplusonelint/nplusonelint/rules"
)

// Path is squirrel's import path.
const Path = "github.com/Masterminds/squirrel"

// Library is squirrel.
var Library = &rules.Library{
	Name:  "squirrel",
	Title: "squirrel",
	Paths: []string{Path},
	Queries: append(append(append(append(
		runs("SelectBuilder", rules.Read, true),
		runs("InsertBuilder", rules.Exec, true)...),
		runs("UpdateBuilder", rules.Exec, true)...),
		runs("DeleteBuilder", rules.Exec, false)...),
		withRunner()...),
	Handles: []string{
		"SelectBuilder", "InsertBuilder", "UpdateBuilder", "DeleteBuilder", "CaseBuilder",
		"StatementBuilderType", "StmtCache", "BaseRunner", "Runner", "RunnerContext",
		"Execer", "Queryer", "QueryRower", "ExecerContext", "QueryerContext", "QueryRowerContext",
		"DBProxy", "DBProxyContext", "StdSql", "StdSqlCtx",
	},
	Structural: structural(),
	Remedies:   remedies{},
	RemedyDocs: map[string]string{
		"read-per-element": "one query over the collected keys: `Where(sq.Eq{\"post_id\": ids})`, which squirrel writes as `post_id IN (…)` (advice)",
		"exec-per-element": "one statement over the collected keys (`Where(sq.Eq{\"id\": ids})`), or one `Insert` with a `Values` call per row (advice)",
	},
}

// runs lists a builder's finishers: the statement is sent by Exec, Query,
// QueryRow and Scan, with their Context forms (DeleteBuilder has only
// Exec and Query without a context).
func runs(builder string, kind rules.Kind, rows bool) []rules.Method {
	names := []string{"Exec", "Query", "ExecContext", "QueryContext", "QueryRowContext", "ScanContext"}
	if rows {
		names = append(names, "QueryRow", "Scan")
	}
	var out []rules.Method
	for _, n := range names {
		k := kind
		if kind == rules.Read && (n == "Exec" || n == "ExecContext") {
			k = rules.Exec
		}
		out = append(out, rules.Method{Type: builder, Name: n, Kind: k})
	}
	return out
}

// withRunner lists the functions running a builder on a runner, and the
// statement cache's methods, which take SQL text.
func withRunner() []rules.Method {
	return []rules.Method{
		{Name: "ExecWith", Kind: rules.Exec},
		{Name: "QueryWith", Kind: rules.Read},
		{Name: "QueryRowWith", Kind: rules.Read},
		{Name: "ExecContextWith", Kind: rules.Exec},
		{Name: "QueryContextWith", Kind: rules.Read},
		{Name: "QueryRowContextWith", Kind: rules.Read},
		{Type: "StmtCache", Name: "Exec", Kind: rules.Exec, SQL: 1},
		{Type: "StmtCache", Name: "Query", Kind: rules.Read, SQL: 1},
		{Type: "StmtCache", Name: "QueryRow", Kind: rules.Read, SQL: 1},
		{Type: "StmtCache", Name: "ExecContext", Kind: rules.Exec, SQL: 2},
		{Type: "StmtCache", Name: "QueryContext", Kind: rules.Read, SQL: 2},
		{Type: "StmtCache", Name: "QueryRowContext", Kind: rules.Read, SQL: 2},
	}
}

// structural lists the builders whose arguments name a table or columns:
// a statement per table is not an N+1.
func structural() []rules.Method {
	out := []rules.Method{{Name: "Select"}, {Name: "Insert"}, {Name: "Update"}, {Name: "Delete"}, {Name: "Replace"}}
	for _, m := range []string{"Select", "Insert", "Update", "Delete", "Replace"} {
		out = append(out, rules.Method{Type: "StatementBuilderType", Name: m})
	}
	for _, m := range []string{"From", "Columns", "Column"} {
		out = append(out, rules.Method{Type: "SelectBuilder", Name: m})
	}
	out = append(out, rules.Method{Type: "InsertBuilder", Name: "Into"}, rules.Method{Type: "InsertBuilder", Name: "Columns"},
		rules.Method{Type: "UpdateBuilder", Name: "Table"}, rules.Method{Type: "DeleteBuilder", Name: "From"})
	return out
}
