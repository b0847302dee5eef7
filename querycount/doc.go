// Package querycount counts the SQL statements a program runs, below every
// data library: the runtime companion of nplusonelint, and the Go
// counterpart of Django's assertNumQueries and debug toolbar.
//
// Statements are counted where they reach the database driver. Wrap any
// database/sql driver or connector, and every library built on
// database/sql (GORM, ent, bun, sqlx, sqlboiler, xorm, sqlc) is counted:
//
//	c := querycount.New()
//	db, err := c.Open("sqlite", "blog.db")      // or sql.OpenDB(c.Connector(conn))
//
// Call sites are found by skipping the frames of the known libraries
// (Libraries) and of generated code (ent's client, sqlc's queries), so a
// library on database/sql needs no hook of its own: bun, sqlx, ent and
// sqlc are counted with their callers' lines by the wrapper alone. Adapters, in modules of their own so that this module adds
// nothing to its user's module graph, serve what the wrapper cannot
// reach: gormcount (GORM callbacks, for a *gorm.DB opened on a driver
// the program does not wrap) and pgxcount (pgx v5 QueryTracer, pools
// included).
//
// # Tests
//
// A Counter counts every statement its handles run while a function runs:
//
//	c.Expect(t, 2, func() { listPosts(db) })     // fails listing the statements
//	c.ExpectConstant(t, 2, 5, seed, func() { listPosts(db) })
//
// ExpectConstant runs the function after seeding two data sizes and fails
// when the number of statements grows with the size, listing the
// statements that grew by normalised SQL and by the call site in the
// caller's code (frames of database/sql, the data libraries and this
// module are skipped by module path).
//
// Tests running in parallel on one database use units of work carried by
// a context instead (ExpectContext, ExpectConstantContext, Watch): a unit
// sees only the statements run with its context.
//
// # Units of work and duplicate detection
//
// A Unit collects the statements run with a context that carries it
// (NewContext): a test, an HTTP request (package debughttp's middleware)
// or any span the program marks. When it ends, each statement run at
// least Detector.Min times from one call site with the same normalised
// SQL is reported once, with the call site, the count, and the advice of
// nplusonelint's static rule for the library that ran it: logged, failing
// a test, or collected.
//
// # What counts
//
// Every Exec and Query a driver connection or prepared statement runs
// counts once, failed ones included. Prepare, Ping, BEGIN, COMMIT and
// ROLLBACK do not. A Statement's duration is the driver call's: rows read
// afterwards are not timed.
package querycount
