// Package pgxcount counts the statements pgx v5 runs without
// database/sql, through its tracer: on a connection or a pool
// (pgxpool.Config.ConnConfig.Tracer), into a querycount.Counter and the
// units of work of the statements' contexts.
//
//	cfg.ConnConfig.Tracer = pgxcount.NewTracer(c)
//
// Each Query, QueryRow and Exec counts once, failed ones included, its
// call site the code that ran it; a query's duration runs until its rows
// are closed. A Batch is one round trip and counts as one statement, its
// SQL the batch's first statement with the number of statements queued
// in a comment. CopyFrom and Prepare do not count. With pgx's
// database/sql driver (pgx/v5/stdlib), wrap that driver instead
// (querycount.Counter.Driver).
//
// This package is a module of its own so that pgx reaches only the module
// graphs of those who import it.
package pgxcount
