// Package databasesql is what nplusonelint knows about the standard
// library's database/sql: the methods of *DB, *Tx, *Conn and *Stmt that
// send a statement, where their SQL text is, and the advice for a
// statement per element: the one query over the collected keys, derived
// from the statement's own text when it is a constant. Its one edit turns
// a SELECT COUNT(*) only compared with zero into an EXISTS.
package databasesql

import (
	"github.com/nplusonelint/nplusonelint/rules"
)

// Library is database/sql. Rows.Next, Rows.Scan and Row.Scan only read
// results a query already sent; Begin, Commit and Rollback control a
// transaction.
var Library = &rules.Library{
	Name:    "database/sql",
	Title:   "database/sql",
	Paths:   []string{"database/sql"},
	Queries: queries(),
	Handles: []string{"DB", "Tx", "Conn", "Stmt"},
	// lib/pq's COPY: Exec on a statement prepared from CopyIn's text
	// buffers the row; the COPY is sent once, by the Exec with no row.
	CopyTexts: []string{"github.com/lib/pq.CopyIn", "github.com/lib/pq.CopyInSchema"},
	Remedies:  remedies{},
	RemedyDocs: map[string]string{
		"read-per-element":       "the one query over the collected keys, from the statement's text: `WHERE key IN (…)`, or `= ANY($1)` with a slice on PostgreSQL (advice)",
		"count-per-element":      "one grouped count over the collected keys: `SELECT key, COUNT(*) … WHERE key IN (…) GROUP BY key` (advice)",
		"exec-per-element":       "one multi-row statement in one transaction: `INSERT … VALUES (…), (…)`, `UPDATE/DELETE … WHERE key IN (…)` (advice)",
		"count-compared-to-zero": "a constant `SELECT COUNT(*) FROM …` becomes `SELECT CASE WHEN EXISTS (SELECT 1 FROM …) THEN 1 ELSE 0 END`, which stops at the first row and still scans into the integer",
	},
}

// queries lists the statement-sending methods: Query, QueryRow and Exec
// with their Context variants on *DB and *Tx, the Context variants on
// *Conn, and all of them on *Stmt, whose SQL text was given to Prepare (a
// statement prepared once and run per element is still one round trip
// per element). Prepare is a round trip of its own.
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
		out = append(out, rules.Method{Type: typ, Name: "Prepare", Kind: rules.Read, SQL: 1})
	}
	add("Conn", true, 1)
	for _, typ := range []string{"DB", "Tx", "Conn"} {
		out = append(out, rules.Method{Type: typ, Name: "PrepareContext", Kind: rules.Read, SQL: 2})
	}
	add("Stmt", false, 0) // Query(args...)
	add("Stmt", true, 0)
	return out
}
