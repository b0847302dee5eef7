package higherordertest

import (
	"go/types"
	"testing"

	"github.com/samber/lo"
	"golang.org/x/tools/go/packages"

	"github.com/nplusonelint/nplusonelint/rules"
)

// Every listed higher-order function exists, takes a function at Func and
// a collection at Over.
func TestHigherOrdersExist(t *testing.T) {
	_ = lo.ForEach[int] // the real module, as this test module's go.mod requires it
	paths := map[string]bool{}
	for _, h := range rules.HigherOrders {
		paths[h.Pkg] = true
	}
	var patterns []string
	for p := range paths {
		patterns = append(patterns, p)
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedTypes | packages.NeedName}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]*types.Package{}
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Fatalf("%s: %v", p.PkgPath, p.Errors)
		}
		byPath[p.PkgPath] = p.Types
	}
	for _, h := range rules.HigherOrders {
		pkg := byPath[h.Pkg]
		var obj types.Object
		if h.Type == "" {
			obj = pkg.Scope().Lookup(h.Name)
		} else if tn := pkg.Scope().Lookup(h.Type); tn != nil {
			obj, _, _ = types.LookupFieldOrMethod(types.NewPointer(tn.Type()), true, pkg, h.Name)
		}
		fn, ok := obj.(*types.Func)
		if !ok {
			t.Errorf("%+v: no such function", h)
			continue
		}
		if got, ok := rules.LookupHigherOrder(fn); !ok || got != h {
			t.Errorf("LookupHigherOrder(%s) = %+v, %v", fn, got, ok)
		}
		params := fn.Type().(*types.Signature).Params()
		if _, ok := params.At(h.Func).Type().Underlying().(*types.Signature); !ok {
			t.Errorf("%s: parameter %d is not a function", fn, h.Func)
		}
		if h.Over >= 0 && !isCollection(params.At(h.Over).Type()) {
			t.Errorf("%s: parameter %d is not a collection", fn, h.Over)
		}
	}
}

// isCollection reports whether t is a slice or map, or a type parameter
// constrained to one (Slice ~[]T).
func isCollection(t types.Type) bool {
	if tp, ok := t.(*types.TypeParam); ok {
		iface := tp.Constraint().Underlying().(*types.Interface)
		for i := 0; i < iface.NumEmbeddeds(); i++ {
			if u, ok := iface.EmbeddedType(i).(*types.Union); ok && u.Len() == 1 {
				return isCollection(u.Term(0).Type())
			}
		}
		return false
	}
	switch t.Underlying().(type) {
	case *types.Slice, *types.Map:
		return true
	}
	return false
}
