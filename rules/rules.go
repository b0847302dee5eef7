// Package rules is the seam between the engine and the data libraries.
//
// A Library says, mostly as data, what one data-access library does: which
// calls run a query (and which argument holds its SQL text), which only
// build one, which run the functions they are given, which types are
// connections rather than data, which methods it calls once per loaded row,
// which calls run a function of theirs once per row of a result, and — as code, behind the Remedies interface — what to advise and which
// edits to offer. A Registry is the set of libraries one analysis knows,
// plus what a user declared (their own wrappers' query methods). The engine
// asks a Registry what a call does and never names a library.
//
// Each library is a package below this one (rules/gorm, rules/databasesql);
// rules/libraries lists them.
package rules

import (
	"go/types"
	"slices"
	"strings"
)

// Kind says what a query-executing call does to the database.
type Kind string

// The kinds of query. Each maps to a rule ID (see Rule).
const (
	Read  Kind = "read"  // SELECT: First, Find, QueryRow, …
	Write Kind = "write" // INSERT/UPDATE/DELETE through a model API
	Count Kind = "count" // SELECT COUNT(*)
	Exec  Kind = "exec"  // raw statements (Exec)
)

// Rule is the stable rule ID reported in Diagnostic.Category for a query of
// this kind run once per element of a collection.
func (k Kind) Rule() string { return string(k) + "-per-element" }

// Method names a method of a library type (pointer or value receiver), or
// a package-level function when Type is "".
type Method struct {
	Type string // receiver type name, e.g. "DB"
	Name string // method name, e.g. "First"
	Kind Kind
	// SQL is the 1-based position of the parameter holding the statement's
	// SQL text (the receiver not counted), 0 when it takes none: 1 for
	// Exec(sql, args...), 2 for QueryContext(ctx, query, args...).
	SQL int
}

// Library describes one data-access library.
type Library struct {
	// Name is the short name used in facts, messages and docs ("gorm").
	Name string
	// Title names the library for people ("GORM").
	Title string
	// Paths are the import paths of the library's packages. A package
	// importing one of them can run queries.
	Paths []string
	// Queries are the methods and functions that execute a query.
	Queries []Method
	// ContextTypes names types whose methods run a query exactly when their
	// first parameter is a context.Context (generic APIs such as gorm.G[T]);
	// ContextKinds gives such a query's kind by method name (default Read)
	// and ContextSQL the position of its SQL text, as Method.SQL does.
	ContextTypes []string
	ContextKinds map[string]Kind
	ContextSQL   map[string]int
	// Invokers are methods that call their function arguments once per call
	// (a transaction runs its closure once).
	Invokers []Method
	// Handles name the library's connection, transaction and builder types:
	// values of these are not data (a loop over connections is a fan-out).
	Handles []string
	// RowCallbacks are calls that run one of their function arguments once
	// per row of a query's result (xorm's Iterate, go-pg's ForEach,
	// pgx.ForEachRow): a query in that function that depends on the row
	// runs once per row, as in a loop over the rows.
	RowCallbacks []RowCallback
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
	// SQLBuilders are builders taking a statement's SQL text (Method.SQL
	// says where), such as Raw: a text that reads or changes only the
	// schema makes their arguments name a table or column, not data.
	SQLBuilders []Method
	// Generated, when set, recognises query methods of code the library
	// generates into the user's own module (ent, sqlc, sqlboiler), by the
	// shape of that code rather than by import path.
	Generated func(fn *types.Func) (Method, bool)
	// Remedies advises on and fixes this library's N+1s; nil for none.
	// RemedyDocs says, per rule ID, what they do (for docs/rules.md).
	Remedies   Remedies
	RemedyDocs map[string]string
	// GeneratedHandles, when set, recognises the connection types of code
	// the library generates into the user's module (sqlc's DBTX and the
	// Queries holding it): a loop over them is a fan-out, as over Handles.
	GeneratedHandles func(t *types.Named) bool
	// RowHookMatch, when set, accepts a method named as one of RowHooks
	// whose parameters are not one handle of the library (bun's
	// AfterScanRow(ctx), xorm's AfterLoad(), GORM v1's AfterFind()): it
	// says whether the library calls that method once per loaded row.
	RowHookMatch func(fn *types.Func) bool
	// CopyTexts name functions ("import/path.Func") returning the text of
	// a COPY … FROM STDIN statement (lib/pq's CopyIn): a statement
	// prepared from it buffers each Exec as a row of one COPY.
	CopyTexts []string
}

// RowCallback is a library method (or a function, Type "") that calls its
// function argument once per row of a query's result. Positions are
// 1-based and do not count the receiver, as Method.SQL's.
type RowCallback struct {
	Type string
	Name string
	// Func is the position of the function parameter.
	Func int
	// Rows is the position of the parameter holding the rows the call reads
	// (pgx.ForEachRow's rows); 0 when the call runs the query itself
	// (xorm's Iterate, go-pg's ForEach).
	Rows int
	// Scans is the position of the parameter holding the pointers each row
	// is scanned into before the function is called (pgx.ForEachRow's
	// scans): the row reaches the function through the variables they
	// point to. 0 when the function receives the row as its arguments.
	Scans int
}

// Query describes a call that runs a query.
type Query struct {
	Library *Library
	Kind    Kind
	// SQLArg is the index (into the signature's parameters, receiver not
	// counted) of the statement's SQL text, or -1. A statement whose only
	// per-element part is its SQL text is not an N+1 (DDL, scripts), unless
	// that text is built from a DML template.
	SQLArg int
}

// Registry is the set of libraries one analysis knows. It is a value: a
// driver, a flag or golangci-lint settings can add declared queries to
// their own registry without touching anyone else's.
type Registry struct {
	libs     []*Library
	byPath   map[string]*Library
	declared []Declared
}

// NewRegistry returns a registry of the given libraries.
func NewRegistry(libs ...*Library) *Registry {
	r := &Registry{byPath: map[string]*Library{}}
	for _, lib := range libs {
		r.libs = append(r.libs, lib)
		for _, p := range lib.Paths {
			r.byPath[p] = lib
		}
	}
	return r
}

// Libraries returns the registry's libraries, in the order given.
func (r *Registry) Libraries() []*Library { return r.libs }

// Library returns the library of the given name, or nil.
func (r *Registry) Library(name string) *Library {
	for _, lib := range r.libs {
		if lib.Name == name {
			return lib
		}
	}
	if name == declaredLibrary.Name {
		return &declaredLibrary
	}
	return nil
}

// ForPath returns the library that owns the package with the given import
// path, or nil.
func (r *Registry) ForPath(path string) *Library { return r.byPath[path] }

// Owns reports whether the package with the given import path is part of
// a library (the library's packages and those below them, gorm.io/gorm/schema
// as well as gorm.io/gorm): the library's own code is never analyzed.
func (r *Registry) Owns(path string) bool {
	for _, lib := range r.libs {
		for _, p := range lib.Paths {
			if path == p || strings.HasPrefix(path, p+"/") {
				return true
			}
		}
	}
	return false
}

// Reaches reports whether importing the package with the given path lets
// a package run queries: it belongs to a library, or declares queries.
func (r *Registry) Reaches(path string) bool { return r.byPath[path] != nil || r.declares(path) }

// Lookup reports whether fn, a function or method (generic instances
// included), runs a query.
func (r *Registry) Lookup(fn *types.Func) (Query, bool) {
	if q, ok := r.lookupDeclared(fn); ok {
		return q, true
	}
	lib, recv, sig := r.owner(fn)
	if lib == nil {
		return r.lookupGenerated(fn)
	}
	if m, ok := match(lib.Queries, fn.Name(), recv); ok {
		return Query{Library: lib, Kind: m.Kind, SQLArg: m.SQL - 1}, true
	}
	if slices.Contains(lib.ContextTypes, recv) && firstIsContext(sig) {
		kind, ok := lib.ContextKinds[fn.Name()]
		if !ok {
			kind = Read
		}
		return Query{Library: lib, Kind: kind, SQLArg: lib.ContextSQL[fn.Name()] - 1}, true
	}
	return Query{}, false
}

// lookupGenerated asks each library that generates code whether fn is one
// of its generated query methods.
func (r *Registry) lookupGenerated(fn *types.Func) (Query, bool) {
	for _, lib := range r.libs {
		if lib.Generated == nil {
			continue
		}
		if m, ok := lib.Generated(fn.Origin()); ok {
			return Query{Library: lib, Kind: m.Kind, SQLArg: m.SQL - 1}, true
		}
	}
	return Query{}, false
}

// IsCopyText reports whether fn returns the text of a COPY … FROM STDIN
// statement (Library.CopyTexts).
func (r *Registry) IsCopyText(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	name := fn.Pkg().Path() + "." + fn.Name()
	for _, lib := range r.libs {
		if slices.Contains(lib.CopyTexts, name) {
			return true
		}
	}
	return false
}

// IsInvoker reports whether fn calls its function arguments once per call.
func (r *Registry) IsInvoker(fn *types.Func) bool {
	return r.listed(fn, func(lib *Library) []Method { return lib.Invokers })
}

// RowCallback reports whether fn calls one of its function arguments once
// per row of a query's result, and how.
func (r *Registry) RowCallback(fn *types.Func) (RowCallback, bool) {
	lib, recv, _ := r.owner(fn)
	if lib == nil {
		return RowCallback{}, false
	}
	for _, c := range lib.RowCallbacks {
		if c.Name == fn.Name() && c.Type == recv {
			return c, true
		}
	}
	return RowCallback{}, false
}

// RowHook returns the library and name of the per-row hook fn implements
// (nil, "" if none): a method named as one of a library's RowHooks whose
// only parameter is one of that library's handles, or that the library's
// RowHookMatch accepts.
func (r *Registry) RowHook(fn *types.Func) (*Library, string) {
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil {
		return nil, ""
	}
	if sig.Params().Len() == 1 {
		if lib := r.handleLibrary(sig.Params().At(0).Type()); lib != nil && slices.Contains(lib.RowHooks, fn.Name()) {
			return lib, fn.Name()
		}
	}
	for _, lib := range r.libs {
		if lib.RowHookMatch != nil && slices.Contains(lib.RowHooks, fn.Name()) && lib.RowHookMatch(fn) {
			return lib, fn.Name()
		}
	}
	return nil, ""
}

// IsStructural reports whether fn is a builder whose arguments name the
// statement's shape rather than data.
func (r *Registry) IsStructural(fn *types.Func) bool {
	return r.listed(fn, func(lib *Library) []Method { return lib.Structural })
}

// IsRecorder reports whether fn records its arguments into the statement
// its receiver belongs to.
func (r *Registry) IsRecorder(fn *types.Func) bool {
	return r.listed(fn, func(lib *Library) []Method { return lib.Recorders })
}

// SQLBuilderArg returns the index of the SQL text parameter of a builder
// taking one (Raw), or -1.
func (r *Registry) SQLBuilderArg(fn *types.Func) int {
	lib, recv, _ := r.owner(fn)
	if lib == nil {
		return -1
	}
	if m, ok := match(lib.SQLBuilders, fn.Name(), recv); ok {
		return m.SQL - 1
	}
	return -1
}

// IsHandle reports whether t (or what it points to) is a connection,
// transaction or query builder type of a data library.
func (r *Registry) IsHandle(t types.Type) bool { return r.handleLibrary(t) != nil }

// listed reports whether fn is in the list of its library that list picks.
func (r *Registry) listed(fn *types.Func, list func(*Library) []Method) bool {
	lib, recv, _ := r.owner(fn)
	if lib == nil {
		return false
	}
	_, ok := match(list(lib), fn.Name(), recv)
	return ok
}

// handleLibrary returns the library whose handle type t is, or nil.
func (r *Registry) handleLibrary(t types.Type) *Library {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return nil
	}
	if lib := r.byPath[n.Obj().Pkg().Path()]; lib != nil && slices.Contains(lib.Handles, n.Obj().Name()) {
		return lib
	}
	for _, lib := range r.libs {
		if lib.GeneratedHandles != nil && lib.GeneratedHandles(n) {
			return lib
		}
	}
	return nil
}

// owner returns the library declaring fn, the name of fn's receiver type
// ("" for a function) and fn's signature.
func (r *Registry) owner(fn *types.Func) (*Library, string, *types.Signature) {
	fn = fn.Origin()
	if fn.Pkg() == nil {
		return nil, "", nil
	}
	lib := r.byPath[fn.Pkg().Path()]
	if lib == nil {
		return nil, "", nil
	}
	sig := fn.Type().(*types.Signature)
	return lib, RecvName(sig), sig
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

// RecvName returns the name of a method's receiver type, "" for a function.
func RecvName(sig *types.Signature) string {
	if r := sig.Recv(); r != nil {
		t := r.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return n.Obj().Name()
		}
	}
	return ""
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
