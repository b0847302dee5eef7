// Package gorm is what nplusonelint knows about GORM v2 (gorm.io/gorm):
// which calls run a query (Library, as data), how GORM infers associations
// from struct fields and tags (schema.go, as GORM's schema parser does),
// and its remedies: Preload of an association, one CreateInBatches, a
// grouped count, a one-row select for existence.
package gorm

import "github.com/nplusonelint/nplusonelint/rules"

// path is GORM's import path.
const path = "gorm.io/gorm"

// Library is gorm.io/gorm v2, the classic chainable *gorm.DB API, associations
// and the generic gorm.G[T] API.
//
// Builders (Model, Where, Joins, Preload, Raw, Session, WithContext,
// Association, ScanRows, …) are absent on purpose: they only build a
// statement. FindInBatches runs a query per batch and calls its callback
// once per batch: it is a query, but not an invoker of its callback, so
// queries in the callback are not per element. Begin, Commit and
// Rollback control a transaction and are not counted as queries.
var Library = &rules.Library{
	Name:     "gorm",
	Title:    "GORM",
	Paths:    []string{path},
	Remedies: remedies{},
	RemedyDocs: map[string]string{
		"read-per-element":       "`Joins(\"X\")` for a to-one association (belongs-to, has-one on a unique key) when no raw SQL text of the query that loaded the collection names a column of the joined table unqualified, `Preload(\"X\")` otherwise, in that query (a fix when the edit is safe, advice otherwise; for a collection another function of the package loaded, the advice names its Find)",
		"write-per-element":      "the rows collected in the loop and one `CreateInBatches` after it (a fix when the loop's behaviour is kept); one statement over the keys for other writes (advice)",
		"count-per-element":      "one count grouped by the key (advice)",
		"count-compared-to-zero": "`Select(\"1\").Limit(1).Find(&n)` (a fix when `n` is declared fresh and written by nothing else)",
	},
	Queries: []rules.Method{
		{Type: "DB", Name: "First", Kind: rules.Read},
		{Type: "DB", Name: "Take", Kind: rules.Read},
		{Type: "DB", Name: "Last", Kind: rules.Read},
		{Type: "DB", Name: "Find", Kind: rules.Read},
		{Type: "DB", Name: "FindInBatches", Kind: rules.Read},
		{Type: "DB", Name: "FirstOrInit", Kind: rules.Read},
		{Type: "DB", Name: "Scan", Kind: rules.Read},
		{Type: "DB", Name: "Pluck", Kind: rules.Read},
		{Type: "DB", Name: "Row", Kind: rules.Read},
		{Type: "DB", Name: "Rows", Kind: rules.Read},
		{Type: "DB", Name: "Count", Kind: rules.Count},
		{Type: "DB", Name: "Create", Kind: rules.Write},
		{Type: "DB", Name: "CreateInBatches", Kind: rules.Write},
		{Type: "DB", Name: "Save", Kind: rules.Write},
		{Type: "DB", Name: "FirstOrCreate", Kind: rules.Write},
		{Type: "DB", Name: "Update", Kind: rules.Write},
		{Type: "DB", Name: "Updates", Kind: rules.Write},
		{Type: "DB", Name: "UpdateColumn", Kind: rules.Write},
		{Type: "DB", Name: "UpdateColumns", Kind: rules.Write},
		{Type: "DB", Name: "Delete", Kind: rules.Write},
		{Type: "DB", Name: "Exec", Kind: rules.Exec, SQL: 1},

		{Type: "Association", Name: "Find", Kind: rules.Read},
		{Type: "Association", Name: "Count", Kind: rules.Count},
		{Type: "Association", Name: "Append", Kind: rules.Write},
		{Type: "Association", Name: "Replace", Kind: rules.Write},
		{Type: "Association", Name: "Delete", Kind: rules.Write},
		{Type: "Association", Name: "Clear", Kind: rules.Write},
	},
	// gorm.G[T]: Interface[T], ChainInterface[T], ExecInterface[T], … run a
	// query exactly in the methods that take a context.
	ContextTypes: []string{
		"Interface", "CreateInterface", "ChainInterface", "ExecInterface",
		"SetUpdateOnlyInterface", "SetCreateOrUpdateInterface",
	},
	ContextKinds: map[string]rules.Kind{
		"Create":          rules.Write,
		"CreateInBatches": rules.Write,
		"Update":          rules.Write,
		"Updates":         rules.Write,
		"Delete":          rules.Write,
		"Count":           rules.Count,
		"Exec":            rules.Exec,
	},
	ContextSQL: map[string]int{"Exec": 2}, // Exec(ctx, sql, values...)
	Invokers: []rules.Method{
		{Type: "DB", Name: "Transaction"},
		{Type: "DB", Name: "Connection"},
	},
	Handles: []string{
		"DB", "Association", "Interface", "CreateInterface", "ChainInterface", "ExecInterface",
	},
	RowHooks: []string{"AfterFind"}, // callbacks/callmethod.go: once per slice element
	Structural: []rules.Method{
		{Type: "DB", Name: "Table"},
		{Type: "CreateInterface", Name: "Table"},
		{Type: "ChainInterface", Name: "Table"},
	},
	// statement.go: a clause added to db.Statement is part of db's next query.
	Recorders: []rules.Method{
		{Type: "Statement", Name: "AddClause"},
		{Type: "Statement", Name: "AddClauseIfNotExists"},
	},
	SQLBuilders: []rules.Method{{Type: "DB", Name: "Raw", SQL: 1}}, // Raw(sql, values...)
}
