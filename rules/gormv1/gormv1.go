// Package gormv1 is what nplusonelint knows about GORM v1
// (github.com/jinzhu/gorm): which calls run a query (Library, as data),
// its associations (inferred as GORM v2 infers them, through rules/gorm's
// schema code, with v1's own tag settings refused where they differ), and
// its remedies (remedies.go): Preload("Y") as a fix where the edit keeps
// what the loop did (GORM v2's eager-load fix in v1's dialect), a grouped
// count and one statement over the keys as advice.
package gormv1

import (
	"go/types"

	"github.com/nplusonelint/nplusonelint/rules"
)

// path is GORM v1's import path.
const path = "github.com/jinzhu/gorm"

// Library is GORM v1. Builders (Model, Where, Preload, Joins, Raw, Table,
// Association, Set, Scopes, …) only build a statement; ScanRows only
// scans rows a query already read; Begin, Commit and Rollback control a
// transaction; the schema methods (AutoMigrate, CreateTable, AddIndex, …)
// run once per table.
var Library = &rules.Library{
	Name:  "gormv1",
	Title: "GORM v1",
	Paths: []string{path},
	Queries: []rules.Method{
		{Type: "DB", Name: "First", Kind: rules.Read},
		{Type: "DB", Name: "Take", Kind: rules.Read},
		{Type: "DB", Name: "Last", Kind: rules.Read},
		{Type: "DB", Name: "Find", Kind: rules.Read},
		{Type: "DB", Name: "Scan", Kind: rules.Read},
		{Type: "DB", Name: "Row", Kind: rules.Read},
		{Type: "DB", Name: "Rows", Kind: rules.Read},
		{Type: "DB", Name: "Pluck", Kind: rules.Read},
		{Type: "DB", Name: "Preloads", Kind: rules.Read},
		{Type: "DB", Name: "Related", Kind: rules.Read},
		{Type: "DB", Name: "FirstOrInit", Kind: rules.Read},
		{Type: "DB", Name: "Count", Kind: rules.Count},
		{Type: "DB", Name: "FirstOrCreate", Kind: rules.Write},
		{Type: "DB", Name: "Create", Kind: rules.Write},
		{Type: "DB", Name: "Save", Kind: rules.Write},
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
	Invokers: []rules.Method{{Type: "DB", Name: "Transaction"}},
	Handles:  []string{"DB", "Association", "Scope"},
	// scope.go CallMethod: AfterFind is called on each element of a slice,
	// as func(), func(*Scope), func(*DB), each with or without an error.
	RowHooks:     []string{"AfterFind"},
	RowHookMatch: afterFind,
	Structural:   []rules.Method{{Type: "DB", Name: "Table"}},
	SQLBuilders:  []rules.Method{{Type: "DB", Name: "Raw", SQL: 1}},
	Remedies:     remedies{},
	RemedyDocs: map[string]string{
		"read-per-element":       "`Preload(\"Y\")` of the association in the query that loaded the collection, the loop reading the preloaded field (a fix when the edit is safe, as GORM v2's, never `Joins`: v1's is raw SQL; advice otherwise, and for a to-one read whose missing-row error is checked)",
		"write-per-element":      "one statement over the keys, or the rows written in one transaction (advice: GORM v1 has no batch insert)",
		"count-per-element":      "one count grouped by the key (advice)",
		"count-compared-to-zero": "a one-row select, `Select(\"1\").Limit(1).Find(&rows)` (advice)",
	},
}

// afterFind accepts AfterFind() and AfterFind() error declared in a
// package that imports GORM v1 (the forms with a *gorm.Scope or *gorm.DB
// take one of the library's handles and are accepted by the registry).
func afterFind(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Params().Len() != 0 || sig.Results().Len() > 1 || fn.Pkg() == nil {
		return false
	}
	if sig.Results().Len() == 1 && sig.Results().At(0).Type().String() != "error" {
		return false
	}
	for _, imp := range fn.Pkg().Imports() {
		if imp.Path() == path {
			return true
		}
	}
	return false
}
