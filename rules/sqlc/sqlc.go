// Package sqlc is what nplusonelint knows about code sqlc generates into
// a user's module, recognised by its shape rather than by import path or
// the user's names: the DBTX interface every generated method runs its
// statement through (pgx v5's Exec, Query, QueryRow, CopyFrom and
// SendBatch, or database/sql's ExecContext, QueryContext and
// QueryRowContext), held by the Queries struct that WithTx rebinds to a
// transaction. A call through that interface runs a query; so every
// generated method that makes one is a query for its callers (through the
// facts the engine computes from the generated code), the Querier
// interface beside it included. The :batch* and :copyfrom methods send
// all their rows in one round trip, so called once after a loop they are
// the bulk form; called per element they are reported like any other.
package sqlc

import (
	"go/types"
	"sync"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// Library is sqlc's generated code.
var Library = &rules.Library{
	Name:      "sqlc",
	Title:     "sqlc",
	Generated: generated,
	// A loop over DBTX values or the Queries holding one (shards) is a
	// fan-out.
	GeneratedHandles: handle,
	Remedies:         remedies{},
	RemedyDocs: map[string]string{
		"read-per-element":  "one generated query over the collected keys: `WHERE id = ANY($1)` on PostgreSQL, `WHERE id IN (sqlc.slice('ids'))` on MySQL and SQLite (advice)",
		"exec-per-element":  "one generated bulk query: `:copyfrom` or `:batchexec` (advice)",
		"write-per-element": "one generated bulk query: `:copyfrom` or `:batchexec` (advice)",
	},
}

// driver is the flavour of a DBTX interface: the methods it has, by name,
// with their kind and the name of the package and type each returns
// first.
type driver map[string]dbtxMethod

type dbtxMethod struct {
	kind     rules.Kind
	pkg, typ string // the first result's package path and type name
	sql      int    // the SQL text's position, 0 for none
	query    bool   // false: the method is part of the shape but runs nothing itself
	required bool
}

const pgxPath = "github.com/jackc/pgx/v5"

var drivers = []driver{
	{ // sql_package: pgx/v5
		"Exec":      {rules.Exec, pgxPath + "/pgconn", "CommandTag", 2, true, true},
		"Query":     {rules.Read, pgxPath, "Rows", 2, true, true},
		"QueryRow":  {rules.Read, pgxPath, "Row", 2, true, true},
		"CopyFrom":  {rules.Write, "", "int64", 0, true, false},
		"SendBatch": {rules.Exec, pgxPath, "BatchResults", 0, true, false},
	},
	{ // database/sql
		"ExecContext":     {rules.Exec, "database/sql", "Result", 2, true, true},
		"QueryContext":    {rules.Read, "database/sql", "Rows", 2, true, true},
		"QueryRowContext": {rules.Read, "database/sql", "Row", 2, true, true},
		"PrepareContext":  {rules.Read, "database/sql", "Stmt", 0, false, false},
	},
}

// shapes caches, per interface type, its driver (nil: not a DBTX).
var shapes sync.Map // *types.TypeName → driver

// generated recognises a method of a DBTX interface that runs a query.
func generated(fn *types.Func) (rules.Method, bool) {
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil || fn.Pkg() == nil {
		return rules.Method{}, false
	}
	named, ok := types.Unalias(sig.Recv().Type()).(*types.Named)
	if !ok || !types.IsInterface(named) {
		return rules.Method{}, false
	}
	m, ok := driverOf(named)[fn.Name()]
	if !ok || !m.query {
		return rules.Method{}, false
	}
	return rules.Method{Name: fn.Name(), Kind: m.kind, SQL: m.sql}, true
}

// handle reports whether t is a DBTX interface or a struct holding one.
func handle(t *types.Named) bool {
	if types.IsInterface(t) {
		return driverOf(t) != nil
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if n, ok := types.Unalias(st.Field(i).Type()).(*types.Named); ok && types.IsInterface(n) && driverOf(n) != nil {
			return true
		}
	}
	return false
}

// driverOf returns the driver of a DBTX interface (nil for any other), cached.
func driverOf(named *types.Named) driver {
	if v, ok := shapes.Load(named.Obj()); ok {
		return v.(driver)
	}
	d := dbtxDriver(named)
	shapes.Store(named.Obj(), d)
	return d
}

// dbtxDriver returns the driver whose DBTX shape the named interface has,
// or nil: every method is one of the driver's, taking a context first and
// returning the driver's type; the required ones are there; and a struct
// of the same package holds it in a field and has a method rebinding it to
// a transaction (WithTx(tx) *Queries).
func dbtxDriver(named *types.Named) driver {
	iface := named.Underlying().(*types.Interface)
	for _, d := range drivers {
		if matches(iface, d) && heldByQueries(named) {
			return d
		}
	}
	return nil
}

func matches(iface *types.Interface, d driver) bool {
	found := 0
	for i := 0; i < iface.NumMethods(); i++ {
		m := iface.Method(i)
		dm, ok := d[m.Name()]
		if !ok {
			return false
		}
		sig := m.Type().(*types.Signature)
		if sig.Params().Len() == 0 || !rules.IsContext(sig.Params().At(0).Type()) || sig.Results().Len() == 0 {
			return false
		}
		if !isType(sig.Results().At(0).Type(), dm.pkg, dm.typ) {
			return false
		}
		if dm.sql > 0 && (sig.Params().Len() < dm.sql || !isString(sig.Params().At(dm.sql-1).Type())) {
			return false
		}
		if dm.required {
			found++
		}
	}
	required := 0
	for _, dm := range d {
		if dm.required {
			required++
		}
	}
	return found == required
}

// heldByQueries reports whether a struct type of dbtx's package either
// has a field of type dbtx and a method taking one transaction and
// returning a pointer to the struct (WithTx), or has methods taking a
// context and a dbtx first (emit_methods_with_db_argument).
func heldByQueries(dbtx *types.Named) bool {
	scope := dbtx.Obj().Pkg().Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		s, ok := tn.Type().(*types.Named)
		if !ok {
			continue
		}
		st, ok := s.Underlying().(*types.Struct)
		if !ok {
			continue
		}
		holds := hasField(st, dbtx)
		for i := 0; i < s.NumMethods(); i++ {
			sig := s.Method(i).Type().(*types.Signature)
			if holds && sig.Params().Len() == 1 && isTx(sig.Params().At(0).Type()) && sig.Results().Len() == 1 &&
				types.Identical(sig.Results().At(0).Type(), types.NewPointer(s)) {
				return true
			}
			if sig.Params().Len() >= 2 && rules.IsContext(sig.Params().At(0).Type()) && types.Identical(sig.Params().At(1).Type(), dbtx) {
				return true
			}
		}
	}
	return false
}

func hasField(st *types.Struct, t types.Type) bool {
	for i := 0; i < st.NumFields(); i++ {
		if types.Identical(st.Field(i).Type(), t) {
			return true
		}
	}
	return false
}

// isTx reports whether t is pgx.Tx or *sql.Tx.
func isTx(t types.Type) bool {
	return isType(t, pgxPath, "Tx") || isType(t, "database/sql", "Tx")
}

// isType reports whether t (or what it points to) is the named type
// pkg.name, or the basic type name when pkg is "".
func isType(t types.Type, pkg, name string) bool {
	t = fixes.DerefNamed(types.Unalias(t))
	if pkg == "" {
		b, ok := t.(*types.Basic)
		return ok && b.Name() == name
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.String
}
