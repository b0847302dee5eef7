// Package databasesql is what nplusonelint knows about the standard
// library's database/sql: the methods of *DB, *Tx, *Conn and *Stmt that
// send a statement, where their SQL text is, and the advice for a
// statement per element (one query over the collected keys). It offers no
// edits: rewriting SQL text is not mechanical.
package databasesql

import (
	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// Library is database/sql. Rows.Next, Rows.Scan and Row.Scan only read
// results a query already sent; Begin, Commit and Rollback control a
// transaction.
var Library = &rules.Library{
	Name:     "database/sql",
	Title:    "database/sql",
	Paths:    []string{"database/sql"},
	Queries:  queries(),
	Handles:  []string{"DB", "Tx", "Conn", "Stmt"},
	Remedies: remedies{},
	RemedyDocs: map[string]string{
		"read-per-element": "one query over the collected keys, `WHERE key IN (…)` or `= ANY($1)` (advice)",
		"exec-per-element": "one multi-row statement in one transaction (advice)",
	},
}

// queries lists the statement-sending methods: Query, QueryRow and Exec
// with their Context variants on *DB and *Tx, the Context variants on
// *Conn, and all of them on *Stmt, whose SQL text was given to Prepare (a
// statement prepared once and run per element is still one round trip
// per element).
func queries() []rules.Method {
	var out []rules.Method
	add := func(typ string, ctx bool, sql int) {
		for _, m := range []struct {
			name string
			kind rules.Kind
		}{{"Query", rules.Read}, {"QueryRow", rules.Read}, {"Exec", rules.Exec}} {
			name, pos := m.name, sql
			if ctx {
				name += "Context"
				if pos > 0 {
					pos++
				}
			}
			out = append(out, rules.Method{Type: typ, Name: name, Kind: m.kind, SQL: pos})
		}
	}
	for _, typ := range []string{"DB", "Tx"} {
		add(typ, false, 1) // Query(query, args...)
		add(typ, true, 1)  // QueryContext(ctx, query, args...)
	}
	add("Conn", true, 1)
	add("Stmt", false, 0) // Query(args...)
	add("Stmt", true, 0)
	return out
}

// remedies advise one statement over the keys the loop would visit.
type remedies struct{ rules.NoRemedies }

// Read advises one query for all elements.
func (remedies) Read(fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: "collect the keys and run one query for all of them (WHERE key IN (…), or = ANY($1) with a slice on PostgreSQL)"}
}

// Exec advises one statement for all elements.
func (remedies) Exec(fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: "write all rows with one statement (a multi-row INSERT … VALUES, or UPDATE/DELETE … WHERE key IN (…)) inside one transaction"}
}
