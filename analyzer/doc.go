// Package analyzer is nplusonelint's engine: the nplusone analysis, which
// reports database queries run once per element of a collection (N+1
// queries).
//
// The engine knows no data library. It asks a rules.Registry what each
// call does (runs a query, invokes a callback, is a per-row hook, names a
// table), follows the data from each loop's element to the queries over
// SSA, summarises functions as facts, and asks the query's library for
// its remedy. What is reported, and each rule, is documented once, in
// rules.Catalog (docs/rules.md and the README are made from it or point
// at it).
package analyzer
