package sqlboiler

import (
	"go/types"
	"strings"
	"sync"

	"github.com/nplusonelint/nplusonelint/rules"
)

// runtimePath is sqlboiler v4's module path.
const runtimePath = "github.com/volatiletech/sqlboiler/v4"

// queryMethods are the finishers of a generated xQuery (03_finishers,
// 16_update, 18_delete templates), by base name.
var queryMethods = map[string]rules.Kind{
	"One": rules.Read, "All": rules.Read, "Exists": rules.Read, "Count": rules.Count,
	"UpdateAll": rules.Write, "DeleteAll": rules.Write,
}

// modelMethods are the generated methods of a model that run a statement
// (15_insert, 16_update, 17_upsert, 18_delete, 19_reload, 20_exists).
var modelMethods = map[string]rules.Kind{
	"Insert": rules.Write, "Update": rules.Write, "Upsert": rules.Write, "Delete": rules.Write,
	"Reload": rules.Read, "Exists": rules.Read,
}

// sliceMethods are those of a model's XSlice.
var sliceMethods = map[string]rules.Kind{
	"UpdateAll": rules.Write, "DeleteAll": rules.Write, "ReloadAll": rules.Read,
}

// generated recognises a query-running function or method of
// sqlboiler-generated models: declared in a package with the generated
// shape (a NewQuery returning *queries.Query), taking an executor (or,
// for the G forms, a context and using the global one), named as the
// templates name them. The G, P and GP suffixes are the templates'
// global-executor and panicking forms.
func generated(fn *types.Func) (rules.Method, bool) {
	if fn.Pkg() == nil || !isGeneratedPackage(fn.Pkg()) {
		return rules.Method{}, false
	}
	sig := fn.Signature()
	base := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(fn.Name(), "GP"), "G"), "P")
	if base != fn.Name() && !(takesExecutor(sig) || firstIsContext(sig)) || base == fn.Name() && !takesExecutor(sig) {
		return rules.Method{}, false
	}
	recv := rules.RecvName(sig)
	var kind rules.Kind
	ok := false
	switch r := receiverStruct(sig); {
	case recv == "":
		switch {
		case strings.HasPrefix(base, "Find") && len(base) > len("Find"):
			kind, ok = rules.Read, true
		case strings.HasSuffix(base, "Exists") && len(base) > len("Exists"):
			kind, ok = rules.Read, true
		}
	case r != nil && embedsQuery(r):
		kind, ok = queryMethods[base]
	case r != nil && hasField(r, "R") && hasField(r, "L"):
		kind, ok = modelMethods[base]
		if !ok && (strings.HasPrefix(base, "Add") || strings.HasPrefix(base, "Set") || strings.HasPrefix(base, "Remove")) {
			kind, ok = rules.Write, true
		}
	case strings.HasSuffix(recv, "Slice"):
		kind, ok = sliceMethods[base]
	}
	if !ok {
		return rules.Method{}, false
	}
	return rules.Method{Type: recv, Name: fn.Name(), Kind: kind}, true
}

var shapes sync.Map // *types.Package → bool

// isGeneratedPackage reports whether pkg has the shape of sqlboiler's
// generated models: boil_queries.go's NewQuery(mods ...qm.QueryMod)
// *queries.Query.
func isGeneratedPackage(pkg *types.Package) bool {
	if v, ok := shapes.Load(pkg); ok {
		return v.(bool)
	}
	ok := false
	if fn, isFunc := pkg.Scope().Lookup("NewQuery").(*types.Func); isFunc {
		res := fn.Signature().Results()
		ok = res.Len() == 1 && isRuntimeType(res.At(0).Type(), "/queries", "Query")
	}
	shapes.Store(pkg, ok)
	return ok
}

// takesExecutor reports whether a parameter is one of boil's executors.
func takesExecutor(sig *types.Signature) bool {
	for p := range sig.Params().Variables() {
		for _, name := range []string{"Executor", "ContextExecutor", "Transactor", "ContextTransactor", "ContextBeginner", "Beginner"} {
			if isRuntimeType(p.Type(), "/boil", name) {
				return true
			}
		}
	}
	return false
}

func firstIsContext(sig *types.Signature) bool {
	return sig.Params().Len() > 0 && rules.IsContext(sig.Params().At(0).Type())
}

// isRuntimeType reports whether t (or what it points to) is the named type
// of sqlboiler's runtime package below the module path.
func isRuntimeType(t types.Type, pkg, name string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == runtimePath+pkg && n.Obj().Name() == name
}

// receiverStruct returns the struct a method's receiver is, or nil.
func receiverStruct(sig *types.Signature) *types.Struct {
	if sig.Recv() == nil {
		return nil
	}
	st, _ := sig.Recv().Type().Underlying().(*types.Struct)
	if p, ok := sig.Recv().Type().(*types.Pointer); ok {
		st, _ = p.Elem().Underlying().(*types.Struct)
	}
	return st
}

// embedsQuery reports whether st embeds *queries.Query (a generated xQuery).
func embedsQuery(st *types.Struct) bool {
	for f := range st.Fields() {
		if f.Embedded() && isRuntimeType(f.Type(), "/queries", "Query") {
			return true
		}
	}
	return false
}

func hasField(st *types.Struct, name string) bool {
	for f := range st.Fields() {
		if f.Name() == name {
			return true
		}
	}
	return false
}
