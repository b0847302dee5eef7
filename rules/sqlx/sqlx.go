// Package sqlx is what nplusonelint knows about github.com/jmoiron/sqlx:
// the methods of DB, Tx, Conn, Stmt and NamedStmt and the package-level
// functions taking a Queryer or Execer that send a statement, where their
// SQL text is, and the advice in sqlx's idiom (sqlx.In and Rebind, a
// NamedExec of a slice). The database/sql methods sqlx's types embed
// resolve to database/sql's own, which rules/databasesql knows. In, Named,
// BindNamed and Rebind only build a statement's text.
package sqlx

import (
	"github.com/nplusonelint/nplusonelint/rules"
)

// Path is sqlx's import path.
const Path = "github.com/jmoiron/sqlx"

// Library is sqlx.
var Library = &rules.Library{
	Name:     "sqlx",
	Title:    "sqlx",
	Paths:    []string{Path},
	Queries:  queries(),
	Handles:  []string{"DB", "Tx", "Conn", "Stmt", "NamedStmt", "Queryer", "Execer", "Ext", "QueryerContext", "ExecerContext", "ExtContext", "Preparer", "PreparerContext"},
	Remedies: remedies{},
	RemedyDocs: map[string]string{
		"read-per-element":       "the one query over the collected keys, from the statement's text: `sqlx.In(\"… WHERE key IN (?)\", keys)` then `db.Rebind` (advice)",
		"count-per-element":      "one grouped count over the collected keys with `sqlx.In` and `GROUP BY key` (advice)",
		"exec-per-element":       "one statement for all rows: `NamedExec` of a slice (one multi-row INSERT), or `sqlx.In` with `WHERE key IN (?)` (advice)",
		"count-compared-to-zero": "a constant `SELECT COUNT(*) FROM …` becomes `SELECT CASE WHEN EXISTS (SELECT 1 FROM …) THEN 1 ELSE 0 END`",
	},
}

// method is one statement-sending method: its name without Context, its
// kind, and where its SQL text is without a context (0: none, prepared).
type method struct {
	name string
	kind rules.Kind
	sql  int
}

// form says which forms of a method a type has.
type form int

const (
	plain       form = 1 << iota // Get(dest, query, args...)
	withContext                  // GetContext(ctx, dest, query, args...)
	both        = plain | withContext
)

// queries lists every statement-sending method and function, with the
// Context form of each (one parameter more before the SQL text).
func queries() []rules.Method {
	var out []rules.Method
	add := func(typ string, forms form, ms ...method) {
		for _, m := range ms {
			if forms&plain != 0 {
				out = append(out, rules.Method{Type: typ, Name: m.name, Kind: m.kind, SQL: m.sql})
			}
			if forms&withContext == 0 || typ == "Tx" && m.name == "NamedQuery" { // Tx has no NamedQueryContext
				continue
			}
			sql := m.sql
			if sql > 0 {
				sql++
			}
			out = append(out, rules.Method{Type: typ, Name: m.name + "Context", Kind: m.kind, SQL: sql})
		}
	}
	handle := []method{
		{"Get", rules.Read, 2}, {"Select", rules.Read, 2},
		{"Queryx", rules.Read, 1}, {"QueryRowx", rules.Read, 1},
		{"Preparex", rules.Read, 1},
	}
	named := []method{
		{"NamedQuery", rules.Read, 1}, {"NamedExec", rules.Exec, 1},
		{"MustExec", rules.Exec, 1}, {"PrepareNamed", rules.Read, 1},
	}
	add("DB", both, append(handle, named...)...)
	add("Tx", both, append(handle, named...)...)
	add("Conn", withContext, handle...) // Conn has only the Context forms
	prepared := []method{
		{"Get", rules.Read, 0}, {"Select", rules.Read, 0},
		{"Queryx", rules.Read, 0}, {"QueryRowx", rules.Read, 0},
		{"MustExec", rules.Exec, 0},
	}
	add("Stmt", both, prepared...)
	add("NamedStmt", both, append(prepared,
		method{"Exec", rules.Exec, 0}, method{"Query", rules.Read, 0}, method{"QueryRow", rules.Read, 0})...)
	// Package-level functions take the Queryer, Execer or Preparer first.
	add("", both,
		method{"Get", rules.Read, 3}, method{"Select", rules.Read, 3},
		method{"NamedQuery", rules.Read, 2}, method{"NamedExec", rules.Exec, 2},
		method{"MustExec", rules.Exec, 2}, method{"Preparex", rules.Read, 2},
		method{"LoadFile", rules.Exec, 2}) // the file holds the text: a script
	// The interfaces, called through a value of theirs.
	add("Queryer", plain, method{"Query", rules.Read, 1}, method{"Queryx", rules.Read, 1}, method{"QueryRowx", rules.Read, 1})
	add("Execer", plain, method{"Exec", rules.Exec, 1})
	add("QueryerContext", withContext, method{"Query", rules.Read, 1}, method{"Queryx", rules.Read, 1}, method{"QueryRowx", rules.Read, 1})
	add("ExecerContext", withContext, method{"Exec", rules.Exec, 1})
	add("Preparer", plain, method{"Prepare", rules.Read, 1})
	add("PreparerContext", withContext, method{"Prepare", rules.Read, 1})
	return out
}
