// Package pgx is what nplusonelint knows about pgx v5
// (github.com/jackc/pgx/v5 and its pool, pgxpool): the methods of
// *pgx.Conn, pgx.Tx (an interface), *pgxpool.Pool, *pgxpool.Conn and
// *pgxpool.Tx that send statements, where their SQL text is, the advice
// for a statement per element (one query with = ANY($1), a Batch or
// CopyFrom) and the one edit that is mechanical: the Execs of one
// transaction queued into a pgx.Batch sent once.
package pgx

import (
	"github.com/nplusonelint/nplusonelint/rules"
)

// Path is pgx's import path.
const Path = "github.com/jackc/pgx/v5"

// Library is pgx v5. Batch.Queue only records a statement; reading a
// BatchResults (its Exec, Query, QueryRow), Rows, Row and the helpers
// CollectRows, ForEachRow and kin only read what was already sent; Begin,
// Commit and Rollback control a transaction.
var Library = &rules.Library{
	Name:     "pgx",
	Title:    "pgx",
	Paths:    []string{Path, Path + "/pgxpool"},
	Queries:  queries(),
	Invokers: invokers(),
	// Queue records a statement and its arguments into the batch that a
	// later SendBatch sends.
	Recorders: []rules.Method{{Type: "Batch", Name: "Queue"}},
	// A loop over connections, pools or transactions is a fan-out.
	Handles:  []string{"Conn", "Tx", "Pool"},
	Remedies: remedies{},
	RemedyDocs: map[string]string{
		"read-per-element":  "one query over the collected keys, `WHERE id = ANY($1)` with the keys as a slice (advice)",
		"exec-per-element":  "the statements queued in one `pgx.Batch` and sent once with `SendBatch` (fix, for an `Exec` per element in one transaction whose error returns), or the rows copied with `CopyFrom` (advice)",
		"write-per-element": "the rows copied with `CopyFrom`, or one `Batch` per chunk (advice)",
	},
	// rows.go: ForEachRow scans each row of rows into scans and calls fn;
	// CollectRows and AppendRows call fn with each row.
	RowCallbacks: []rules.RowCallback{
		{Name: "ForEachRow", Func: 3, Rows: 1, Scans: 2},
		{Name: "CollectRows", Func: 2, Rows: 1},
		{Name: "AppendRows", Func: 3, Rows: 2},
	},
}

// queries lists the statement-sending methods of every handle: Exec,
// Query and QueryRow take (ctx, sql, args...); SendBatch sends a batch,
// one round trip however many statements it holds; CopyFrom copies rows.
func queries() []rules.Method {
	var out []rules.Method
	for _, typ := range []string{"Conn", "Tx", "Pool"} { // pgx.Conn, pgx.Tx, pgxpool.Pool, pgxpool.Conn, pgxpool.Tx
		out = append(out,
			rules.Method{Type: typ, Name: "Exec", Kind: rules.Exec, SQL: 2},
			rules.Method{Type: typ, Name: "Query", Kind: rules.Read, SQL: 2},
			rules.Method{Type: typ, Name: "QueryRow", Kind: rules.Read, SQL: 2},
			rules.Method{Type: typ, Name: "SendBatch", Kind: rules.Exec},
			rules.Method{Type: typ, Name: "CopyFrom", Kind: rules.Write},
		)
	}
	return out
}

// invokers run their function once per call: a transaction's body, a
// pool connection's user.
func invokers() []rules.Method {
	return []rules.Method{
		{Name: "BeginFunc"},
		{Name: "BeginTxFunc"},
		{Type: "Pool", Name: "AcquireFunc"},
	}
}
