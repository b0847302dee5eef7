// Package gopg is what nplusonelint knows about go-pg
// (github.com/go-pg/pg/v10): which calls run a query (Library, as data),
// how go-pg infers relations from `pg:"rel:…"` tags (relations.go), and
// its remedies (remedies.go): Relation("Y") (an edit for a has-many read,
// relationfix.go, shared with bun in rules/relationload), Exists() for a
// count compared to zero (exists.go), one Model(&rows).Insert()
// (bulkinsert.go).
package gopg

import (
	"go/types"

	"github.com/nplusonelint/nplusonelint/rules"
)

// The import paths of go-pg's packages: the connection and the query
// builder.
const (
	path    = "github.com/go-pg/pg/v10"
	ormPath = "github.com/go-pg/pg/v10/orm"
)

// Library is go-pg v10. Builders (DB.Model, Where, Relation, Column,
// Order, Limit, …) only build a statement; Begin, Commit and Rollback
// control a transaction; CreateTable and DropTable run once per table.
var Library = &rules.Library{
	Name:    "gopg",
	Title:   "go-pg",
	Paths:   []string{path, ormPath},
	Queries: queries(),
	Invokers: []rules.Method{
		{Type: "baseDB", Name: "RunInTransaction"}, {Type: "Tx", Name: "RunInTransaction"},
	},
	Handles: []string{"DB", "Tx", "Conn", "baseDB", "Query"},
	// orm/hook.go: AfterScan(ctx) runs per scanned row, AfterSelect(ctx)
	// per element of a selected slice.
	RowHooks:     []string{"AfterScan", "AfterSelect"},
	RowHookMatch: rowHook,
	Structural:   []rules.Method{{Type: "Query", Name: "Table"}, {Type: "Query", Name: "TableExpr"}},
	Remedies:     remedies{},
	RemedyDocs: map[string]string{
		"read-per-element":       "`Relation(\"Y\")` of the relation on the query that loaded the collection (nested `\"Y.Z\"`, conditions in the `func(q *pg.Query) (*pg.Query, error)` form): a fix for a has-many read into the element's own field when the edit is safe, advice otherwise; one query over the collected keys when no relation fits",
		"write-per-element":      "the rows collected in the loop and one `Model(&rows).Insert()` after it: a fix for an insert in a `RunInTransaction` callback that returns the error, advice otherwise; one statement over the keys for other writes (advice)",
		"count-per-element":      "one count grouped by the key (advice)",
		"count-compared-to-zero": "`Exists()`: a fix for `n, err := db.Model(…)…Count()` with only conditions, `n` only compared with zero",
	},
	// orm/query.go: ForEach(fn) runs the query and calls fn once per row,
	// with the row's model, struct or column values.
	RowCallbacks: []rules.RowCallback{{Type: "Query", Name: "ForEach", Func: 1}},
}

// queries lists go-pg's statement-sending methods: those of *orm.Query,
// and the SQL-text ones of the connection (baseDB, which DB and Conn
// embed), of Tx and of the orm.DB interface.
func queries() []rules.Method {
	out := []rules.Method{
		{Type: "Query", Name: "Select", Kind: rules.Read},
		{Type: "Query", Name: "SelectAndCount", Kind: rules.Read},
		{Type: "Query", Name: "SelectAndCountEstimate", Kind: rules.Read},
		{Type: "Query", Name: "SelectOrInsert", Kind: rules.Write},
		{Type: "Query", Name: "First", Kind: rules.Read},
		{Type: "Query", Name: "Last", Kind: rules.Read},
		{Type: "Query", Name: "ForEach", Kind: rules.Read},
		{Type: "Query", Name: "Count", Kind: rules.Count},
		{Type: "Query", Name: "CountEstimate", Kind: rules.Count},
		{Type: "Query", Name: "Exists", Kind: rules.Read},
		{Type: "Query", Name: "Insert", Kind: rules.Write},
		{Type: "Query", Name: "Update", Kind: rules.Write},
		{Type: "Query", Name: "UpdateNotZero", Kind: rules.Write},
		{Type: "Query", Name: "Delete", Kind: rules.Write},
		{Type: "Query", Name: "ForceDelete", Kind: rules.Write},
	}
	for _, t := range []string{"baseDB", "Tx", "DB"} { // DB: orm.DB, the interface
		out = append(out,
			rules.Method{Type: t, Name: "Exec", Kind: rules.Exec, SQL: 1},
			rules.Method{Type: t, Name: "ExecContext", Kind: rules.Exec, SQL: 2},
			rules.Method{Type: t, Name: "ExecOne", Kind: rules.Exec, SQL: 1},
			rules.Method{Type: t, Name: "ExecOneContext", Kind: rules.Exec, SQL: 2},
			rules.Method{Type: t, Name: "Query", Kind: rules.Read, SQL: 2},
			rules.Method{Type: t, Name: "QueryContext", Kind: rules.Read, SQL: 3},
			rules.Method{Type: t, Name: "QueryOne", Kind: rules.Read, SQL: 2},
			rules.Method{Type: t, Name: "QueryOneContext", Kind: rules.Read, SQL: 3})
	}
	return out
}

// rowHook accepts AfterScan(ctx) error and AfterSelect(ctx) error
// declared in a package importing go-pg.
func rowHook(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Params().Len() != 1 || !rules.IsContext(sig.Params().At(0).Type()) || sig.Results().Len() != 1 || fn.Pkg() == nil {
		return false
	}
	for _, imp := range fn.Pkg().Imports() {
		if imp.Path() == path || imp.Path() == ormPath {
			return true
		}
	}
	return false
}
