// Package gormcount counts the statements a *gorm.DB runs through GORM's
// callbacks, into a querycount.Counter and the units of work of the
// statements' contexts (db.WithContext(ctx)).
//
//	c := gormcount.Attach(db)
//	c.Expect(t, 2, func() { listPostsWithAuthors(db) })
//
// A statement counts when GORM sends it to the database: a failed one
// counts (with its error, including ErrRecordNotFound from First), a
// statement in DryRun mode never does, nor one GORM refuses before
// sending it (an error set earlier in the chain or by a hook,
// ErrMissingWhereClause, ErrEmptySlice, ErrInvalidData, ErrInvalidValue).
// Transactions' BEGIN and COMMIT, which GORM runs outside callbacks, do
// not count. Counting the same database also at the driver level
// (querycount.Counter.Connector) counts each statement twice: use one.
//
// This package is a module of its own so that GORM reaches only the
// module graphs of those who import it.
package gormcount
