// Package analyzer defines the nplusone analysis: it reports N+1 queries,
// database queries that run once per element of a collection, usually the
// rows of an earlier query.
//
// # Analyzer nplusone
//
// nplusone: report queries run once per element of a collection
//
// A query-executing call (a GORM finisher such as First, Find, Count,
// Create, an association's Find or Count, a generic gorm.G[T] method taking
// a context) is reported when it runs once per iteration of a loop over a
// collection — a slice, array or map that is not a literal list, an int or
// counted loop bounded by a length, a range-over-func iterator, a
// rows.Next() cursor, or a callback run once per element by a function such
// as lo.ForEach — and depends on the element of that iteration.
//
// The query may be reached directly, through functions and methods of this
// or other packages (summarised as facts), through closures and
// goroutines started in the loop, or through callbacks. Each site is
// reported once, at the call in the loop body that leads to the query,
// naming the loop, the query that produced the collection when it is known,
// and the call chain.
//
// Not reported: queries that do not depend on the element; queries on a
// chunk of the collection (xs[i:j], batches); queries after the loop on
// keys it collected; loops over literal lists; loops that leave after their
// first query; schema statements (DDL) and statements whose only
// per-element part is their SQL text; FindInBatches callbacks.
//
// A Count whose result is only compared with zero is reported too
// (count-compared-to-zero), in a loop or not: it asks whether a row exists
// by counting all of them.
//
// Diagnostics carry the remedy in their message and, when the edit is
// safe, one suggested fix from package fixes: Preload of the association
// in the query that loaded the collection, one CreateInBatches after the
// loop, or a SELECT 1 … LIMIT 1 instead of the count.
//
// A diagnostic is suppressed by "//nplusone:ignore <reason>" on its line or
// the line above; a directive without a reason is itself reported.
package analyzer

const doc = `report queries run once per element of a collection (N+1 queries)

A query-executing call (GORM finishers, associations, generic gorm.G[T]
methods) is reported when it runs once per iteration of a loop over a
collection and depends on the element of that iteration, whether it is
called directly, through functions of this or other packages, closures,
goroutines or callbacks. Counts only compared with zero are reported as
well. Fixes add Preload, batch Creates, and turn such counts into a
one-row select. Suppress one with "//nplusone:ignore <reason>".`
