// Package bun is what nplusonelint knows about bun (github.com/uptrace/bun):
// which calls run a query (Library, as data), how bun infers relations from
// `bun:"rel:…"` tags (relations.go, as bun's schema does), and its remedies
// (remedies.go): Relation("Y") of the relation a loop loads per element,
// Exists(ctx) for a count compared to zero, one NewInsert().Model(&rows).
package bun

import (
	"go/types"

	"github.com/nplusonelint/nplusonelint/rules"
)

// path is bun's import path.
const path = "github.com/uptrace/bun"

// queryTypes are bun's query builders whose Scan and Exec send the
// statement. The schema builders (CreateTable, DropTable, CreateIndex,
// AddColumn, Truncate, …) are left out: one per table is not an N+1.
var queryTypes = []struct {
	name string
	kind rules.Kind
}{
	{"SelectQuery", rules.Read},
	{"InsertQuery", rules.Write},
	{"UpdateQuery", rules.Write},
	{"DeleteQuery", rules.Write},
	{"MergeQuery", rules.Write},
	{"RawQuery", rules.Exec},
}

// connTypes are bun's handles whose database/sql-style methods send SQL
// text: *DB, Tx and Conn wrap their database/sql counterparts.
var connTypes = []string{"DB", "Tx", "Conn"}

// Library is bun. Builders (NewSelect, Model, Where, Relation, Join,
// Column, Order, Limit, NewRaw, …) are absent: they only build a
// statement. DB.ScanRows and ScanRow only scan rows a query already read.
var Library = &rules.Library{
	Name:     "bun",
	Title:    "bun",
	Paths:    []string{path},
	Queries:  queries(),
	Invokers: []rules.Method{{Type: "DB", Name: "RunInTx"}, {Type: "Tx", Name: "RunInTx"}, {Type: "Conn", Name: "RunInTx"}},
	Handles: []string{
		"DB", "Tx", "Conn", "IDB", "IConn",
		"SelectQuery", "InsertQuery", "UpdateQuery", "DeleteQuery", "MergeQuery", "RawQuery",
	},
	// schema/hook.go: AfterScanRow(ctx) runs once per scanned row.
	RowHooks:     []string{"AfterScanRow"},
	RowHookMatch: afterScanRow,
	Structural: []rules.Method{
		{Type: "SelectQuery", Name: "Table"}, {Type: "SelectQuery", Name: "ModelTableExpr"},
		{Type: "InsertQuery", Name: "Table"}, {Type: "InsertQuery", Name: "ModelTableExpr"},
		{Type: "UpdateQuery", Name: "Table"}, {Type: "UpdateQuery", Name: "ModelTableExpr"},
		{Type: "DeleteQuery", Name: "Table"}, {Type: "DeleteQuery", Name: "ModelTableExpr"},
	},
	SQLBuilders: []rules.Method{
		{Type: "DB", Name: "NewRaw", SQL: 1}, {Type: "Tx", Name: "NewRaw", SQL: 1}, {Type: "Conn", Name: "NewRaw", SQL: 1},
	},
	Remedies: remedies{},
	RemedyDocs: map[string]string{
		"read-per-element":       "`Relation(\"Y\")` of the relation on the query that loaded the collection (nested `\"Y.Z\"`, conditions in the `func(q *bun.SelectQuery)` form): a fix for a has-many read into the element's own field when the edit is safe, advice otherwise; one query over the collected keys when no relation fits",
		"write-per-element":      "the rows collected in the loop and one `NewInsert().Model(&rows).Exec(ctx)` after it: a fix for new literal rows inserted in a `RunInTx` callback that returns the error, advice otherwise; one statement over the keys for other writes (advice)",
		"count-per-element":      "one count grouped by the key (advice)",
		"count-compared-to-zero": "`Exists(ctx)`: a fix for `n, err := db.NewSelect()…Count(ctx)` with only conditions, `n` only compared with zero",
	},
}

// queries lists bun's statement-sending methods.
func queries() []rules.Method {
	var out []rules.Method
	for _, t := range queryTypes {
		out = append(out,
			rules.Method{Type: t.name, Name: "Scan", Kind: t.kind},
			rules.Method{Type: t.name, Name: "Exec", Kind: t.kind})
	}
	out = append(out,
		rules.Method{Type: "SelectQuery", Name: "Count", Kind: rules.Count},
		rules.Method{Type: "SelectQuery", Name: "ScanAndCount", Kind: rules.Read},
		rules.Method{Type: "SelectQuery", Name: "Exists", Kind: rules.Read},
		rules.Method{Type: "SelectQuery", Name: "Rows", Kind: rules.Read})
	for _, t := range connTypes {
		out = append(out,
			rules.Method{Type: t, Name: "ExecContext", Kind: rules.Exec, SQL: 2},
			rules.Method{Type: t, Name: "QueryContext", Kind: rules.Read, SQL: 2},
			rules.Method{Type: t, Name: "QueryRowContext", Kind: rules.Read, SQL: 2})
		if t != "Conn" {
			out = append(out,
				rules.Method{Type: t, Name: "Exec", Kind: rules.Exec, SQL: 1},
				rules.Method{Type: t, Name: "Query", Kind: rules.Read, SQL: 1},
				rules.Method{Type: t, Name: "QueryRow", Kind: rules.Read, SQL: 1})
		}
	}
	return out
}

// afterScanRow accepts AfterScanRow(context.Context) error declared in a
// package that imports bun: bun calls it on each row it scans.
func afterScanRow(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Params().Len() != 1 || !rules.IsContext(sig.Params().At(0).Type()) || sig.Results().Len() != 1 {
		return false
	}
	return imports(fn.Pkg(), path)
}

// imports reports whether pkg imports the package at p.
func imports(pkg *types.Package, p string) bool {
	if pkg == nil {
		return false
	}
	for _, imp := range pkg.Imports() {
		if imp.Path() == p {
			return true
		}
	}
	return false
}
