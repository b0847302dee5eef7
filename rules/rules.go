// Package rules holds what nplusonelint knows about each data-access
// library: which calls run a query, which only build one, and which call
// the functions they are given. Each library is one file of data; this file
// holds the types and the matching shared by all of them.
package rules

import (
	"go/types"
	"slices"
)

// Kind says what a query-executing call does to the database.
type Kind string

// The kinds of query. Each maps to a rule ID (see Rule).
const (
	Read  Kind = "read"  // SELECT: First, Find, Scan, …
	Write Kind = "write" // INSERT/UPDATE/DELETE through the model API
	Count Kind = "count" // SELECT COUNT(*)
	Exec  Kind = "exec"  // raw statements (Exec)
)

// Rule is the stable rule ID reported in Diagnostic.Category for a query of
// this kind run once per element of a collection.
func (k Kind) Rule() string { return string(k) + "-per-element" }

// Method names a method of a library type (pointer or value receiver).
type Method struct {
	Type string // receiver type name, e.g. "DB"
	Name string // method name, e.g. "First"
	Kind Kind
}

// Library describes one data-access library.
type Library struct {
	// Name is the short name used in messages and docs ("gorm").
	Name string
	// Paths are the import paths of the library's packages. A package
	// importing one of them can run queries.
	Paths []string
	// Queries are the methods that execute a query.
	Queries []Method
	// ContextTypes names types whose methods run a query exactly when their
	// first parameter is a context.Context (generic APIs such as gorm.G[T]);
	// Kinds gives such a query's kind by method name (default Read).
	ContextTypes []string
	Kinds        map[string]Kind
	// Invokers are methods that call their function arguments once per call
	// (a transaction runs its closure once).
	Invokers []Method
	// Handles name the library's connection, transaction and builder types:
	// values of these are not data (gorm.Model, embedded in rows, is data).
	Handles []string
	// RowHooks are methods a model may declare that the library calls once
	// per row it loads into a slice (GORM's AfterFind): a query there that
	// depends on the row runs once per row of every list query.
	RowHooks []string
	// Structural are builders whose arguments name the statement's shape
	// (a table), not data: one query per table is not an N+1.
	Structural []Method
	// Recorders are methods that record their arguments into the statement
	// of the handle their receiver belongs to (tx.Statement.AddClause(…)):
	// that handle's later queries carry them.
	Recorders []Method
	// SQLBuilders are builders taking a statement's SQL text (Raw): a text
	// that reads or changes only the schema makes their arguments name a
	// table or column, not data.
	SQLBuilders []Method
}

// Query describes a call that runs a query.
type Query struct {
	Library *Library
	Kind    Kind
	// SQLArg is the index (into the signature's parameters) of the SQL text
	// of an Exec, or -1. A statement whose only per-element part is its SQL
	// text is not an N+1 (DDL, scripts), unless that text is built from a
	// DML template.
	SQLArg int
}

// Libraries lists every library nplusonelint knows.
var Libraries = []*Library{&GORM}

var byPath = func() map[string]*Library {
	m := map[string]*Library{}
	for _, lib := range Libraries {
		for _, p := range lib.Paths {
			m[p] = lib
		}
	}
	return m
}()

// ForPath returns the library that owns the package with the given import
// path, or nil.
func ForPath(path string) *Library { return byPath[path] }

// Lookup reports whether fn, a function or method (generic instances
// included), runs a query.
func Lookup(fn *types.Func) (Query, bool) {
	lib, recv, sig := owner(fn)
	if lib == nil {
		return Query{}, false
	}
	if m, ok := match(lib.Queries, fn.Name(), recv); ok {
		return Query{Library: lib, Kind: m.Kind, SQLArg: sqlArg(fn.Name(), sig)}, true
	}
	if slices.Contains(lib.ContextTypes, recv) && firstIsContext(sig) {
		kind, ok := lib.Kinds[fn.Name()]
		if !ok {
			kind = Read
		}
		return Query{Library: lib, Kind: kind, SQLArg: sqlArg(fn.Name(), sig)}, true
	}
	return Query{}, false
}

// IsInvoker reports whether fn calls its function arguments once per call.
func IsInvoker(fn *types.Func) bool {
	return listed(fn, func(lib *Library) []Method { return lib.Invokers })
}

// RowHook returns the name of the per-row hook fn implements ("" if
// none): a method named as one of a library's RowHooks whose only
// parameter is one of that library's handles.
func RowHook(fn *types.Func) string {
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil || sig.Params().Len() != 1 {
		return ""
	}
	if lib := handleLibrary(sig.Params().At(0).Type()); lib != nil && slices.Contains(lib.RowHooks, fn.Name()) {
		return fn.Name()
	}
	return ""
}

// IsStructural reports whether fn is a builder whose arguments name the
// statement's shape rather than data.
func IsStructural(fn *types.Func) bool {
	return listed(fn, func(lib *Library) []Method { return lib.Structural })
}

// IsRecorder reports whether fn records its arguments into the statement
// its receiver belongs to.
func IsRecorder(fn *types.Func) bool {
	return listed(fn, func(lib *Library) []Method { return lib.Recorders })
}

// SQLBuilderArg returns the index of the SQL text parameter of a builder
// taking one (Raw), or -1.
func SQLBuilderArg(fn *types.Func) int {
	lib, recv, sig := owner(fn)
	if lib == nil {
		return -1
	}
	if _, ok := match(lib.SQLBuilders, fn.Name(), recv); !ok {
		return -1
	}
	return firstString(sig)
}

// listed reports whether fn is in the list of its library that list picks.
func listed(fn *types.Func, list func(*Library) []Method) bool {
	lib, recv, _ := owner(fn)
	if lib == nil {
		return false
	}
	_, ok := match(list(lib), fn.Name(), recv)
	return ok
}

// match finds the method of the list with the given name and receiver type.
func match(list []Method, name, recv string) (Method, bool) {
	for _, m := range list {
		if m.Name == name && m.Type == recv {
			return m, true
		}
	}
	return Method{}, false
}

// IsHandle reports whether t (or what it points to) is a connection,
// transaction or query builder type of a data library.
func IsHandle(t types.Type) bool { return handleLibrary(t) != nil }

// handleLibrary returns the library whose handle type t is, or nil.
func handleLibrary(t types.Type) *Library {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return nil
	}
	if lib := byPath[n.Obj().Pkg().Path()]; lib != nil && slices.Contains(lib.Handles, n.Obj().Name()) {
		return lib
	}
	return nil
}

// owner returns the library declaring fn, the name of fn's receiver type
// ("" for a function) and fn's signature.
func owner(fn *types.Func) (*Library, string, *types.Signature) {
	fn = fn.Origin()
	if fn.Pkg() == nil {
		return nil, "", nil
	}
	lib := byPath[fn.Pkg().Path()]
	if lib == nil {
		return nil, "", nil
	}
	sig := fn.Type().(*types.Signature)
	return lib, recvName(sig), sig
}

// recvName returns the name of a method's receiver type, "" for a function.
func recvName(sig *types.Signature) string {
	if r := sig.Recv(); r != nil {
		t := r.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := t.(*types.Named); ok {
			return n.Obj().Name()
		}
	}
	return ""
}

// sqlArg finds the SQL text parameter of Exec: its first string parameter,
// after an optional context.
func sqlArg(name string, sig *types.Signature) int {
	if name != "Exec" {
		return -1
	}
	return firstString(sig)
}

// firstString returns the index of the first string parameter, after an
// optional context, or -1.
func firstString(sig *types.Signature) int {
	for i := 0; i < sig.Params().Len() && i < 2; i++ {
		if b, ok := sig.Params().At(i).Type().(*types.Basic); ok && b.Kind() == types.String {
			return i
		}
	}
	return -1
}

func firstIsContext(sig *types.Signature) bool {
	if sig.Params().Len() == 0 {
		return false
	}
	return IsContext(sig.Params().At(0).Type())
}

// IsContext reports whether t is context.Context.
func IsContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}
