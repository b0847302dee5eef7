package driver

import (
	"go/token"
	"go/types"
	"path"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/nplusonelint/nplusonelint/analyzer"
	"github.com/nplusonelint/nplusonelint/rules"
)

// resolveInterfaces returns, as declared queries, the methods of the
// interfaces declared in the packages checked from source whose
// implementations among those packages run a query, according to the
// QueryFacts of graph, with the arguments that query depends on (a loop
// calling one whose query depends on none is not reported, but the
// collection such a method returns is known to come from a query). Test doubles
// (types declared in _test.go files or in mock, fake or stub packages)
// do not count, nor do the interfaces of the data libraries, nor methods
// most of whose real implementations run no query. Implementers are found by method sets (types.Implements),
// among the named types of the same packages only: no call graph over the
// standard library or the dependencies.
func resolveInterfaces(roots []*packages.Package, graph *checker.Graph, reg *rules.Registry) []rules.Declared {
	facts := map[*types.Func]*analyzer.QueryFact{}
	for act := range graph.All() {
		for _, of := range act.AllObjectFacts() {
			if f, ok := of.Fact.(*analyzer.QueryFact); ok {
				if fn, ok := of.Object.(*types.Func); ok {
					facts[fn] = f
				}
			}
		}
	}
	var pkgs []*packages.Package
	packages.Visit(roots, nil, func(p *packages.Package) {
		if p.TypesInfo != nil && p.Types != nil {
			pkgs = append(pkgs, p)
		}
	})
	fset := token.NewFileSet()
	if len(pkgs) > 0 {
		fset = pkgs[0].Fset
	}
	// The concrete named types having a method of each name.
	owners := map[string][]*types.Named{}
	for _, p := range pkgs {
		for _, named := range declaredTypes(p.Types) {
			if types.IsInterface(named) {
				continue
			}
			mset := types.NewMethodSet(types.NewPointer(named))
			for i := 0; i < mset.Len(); i++ {
				name := mset.At(i).Obj().Name()
				owners[name] = append(owners[name], named)
			}
		}
	}
	byKey := map[string]rules.Declared{}
	for _, p := range pkgs {
		if reg.Owns(p.PkgPath) || p.Module != nil && reg.Owns(p.Module.Path) {
			continue // a data library's own interfaces are its rules' business
		}
		for _, named := range declaredTypes(p.Types) {
			iface, ok := named.Underlying().(*types.Interface)
			if !ok || iface.NumExplicitMethods() == 0 {
				continue
			}
			for _, inst := range instances(named, pkgs) {
				resolveInterface(named, inst, owners, facts, fset, byKey)
			}
		}
	}
	var out []rules.Declared
	for _, d := range byKey {
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b rules.Declared) int { return strings.Compare(a.String(), b.String()) })
	return out
}

// resolveInterface declares each explicit method of the interface named
// (in its instance inst) that a real implementation runs a query behind.
func resolveInterface(named, inst *types.Named, owners map[string][]*types.Named, facts map[*types.Func]*analyzer.QueryFact, fset *token.FileSet, byKey map[string]rules.Declared) {
	decl := named.Underlying().(*types.Interface)
	for i := 0; i < decl.NumExplicitMethods(); i++ {
		m := decl.ExplicitMethod(i)
		key := named.Obj().Pkg().Path() + "." + named.Obj().Name() + "." + m.Name()
		d, have := byKey[key]
		real, querying := 0, 0
		for _, t := range owners[m.Name()] {
			impl := implementing(t, inst)
			if impl == nil {
				continue
			}
			obj, _, _ := types.LookupFieldOrMethod(impl, false, t.Obj().Pkg(), m.Name())
			fn, ok := obj.(*types.Func)
			if !ok || fn.Pkg() == nil || testDouble(fn, fset) {
				continue // nil Pkg: error's Error, promoted from an embedded error
			}
			real++
			f := facts[fn.Origin()]
			if f == nil {
				continue // no query
			}
			querying++
			// The most direct implementation names the chain: a decorator
			// over the interface is followed to the one it wraps.
			if !have || len(f.Chain)+1 < len(d.Via) {
				args := d.Args
				d = rules.Declared{Pkg: named.Obj().Pkg().Path(), Type: named.Obj().Name(), Name: m.Name(), Kind: rules.Kind(f.Kind), Lib: f.Library, Exact: true}
				d.Via = []string{implName(fn)}
				for _, h := range f.Chain {
					d.Via = append(d.Via, h.Callee)
				}
				d.Args = args
				have = true
			}
			d.Args |= f.Params >> 1 // the receiver is not an argument
		}
		// An interface most of whose implementations run no query (a
		// plugin or event interface, one of a dozen storing) is left
		// alone: every loop calling it would be a finding.
		if have && 2*querying >= real {
			byKey[key] = d
		}
	}
}

// implementing returns t or *t (a generic t instantiated with the
// interface instance's type arguments) when it implements iface.
func implementing(t *types.Named, inst *types.Named) types.Type {
	iface := inst.Underlying().(*types.Interface)
	if n := t.TypeParams().Len(); n > 0 {
		if n != inst.TypeArgs().Len() {
			return nil
		}
		var args []types.Type
		for i := 0; i < n; i++ {
			args = append(args, inst.TypeArgs().At(i))
		}
		it, err := types.Instantiate(nil, t, args, true)
		if err != nil {
			return nil
		}
		t = it.(*types.Named)
	}
	for _, c := range []types.Type{t, types.NewPointer(t)} {
		if types.Implements(c, iface) {
			return c
		}
	}
	return nil
}

// instances returns named, or for a generic interface the instances the
// packages use.
func instances(named *types.Named, pkgs []*packages.Package) []*types.Named {
	if named.TypeParams().Len() == 0 {
		return []*types.Named{named}
	}
	var out []*types.Named
	seen := map[string]bool{}
	for _, p := range pkgs {
		for _, in := range p.TypesInfo.Instances {
			n, ok := in.Type.(*types.Named)
			if !ok || n.Origin() != named {
				continue
			}
			if s := types.TypeString(n, nil); !seen[s] {
				seen[s] = true
				out = append(out, n)
			}
		}
	}
	return out
}

// implName names a method as QueryFact chains do: "(*postgres.Store).Get".
func implName(fn *types.Func) string {
	sig := fn.Origin().Type().(*types.Signature)
	t, star := sig.Recv().Type(), ""
	if p, ok := t.(*types.Pointer); ok {
		t, star = p.Elem(), "*"
	}
	n, ok := t.(*types.Named)
	if !ok {
		return fn.Name()
	}
	return "(" + star + n.Obj().Pkg().Name() + "." + n.Obj().Name() + ")." + fn.Name()
}

// testDouble reports whether fn belongs to test code: declared in a
// _test.go file, or in a package whose path says it holds mocks, fakes or
// stubs.
func testDouble(fn *types.Func, fset *token.FileSet) bool {
	if strings.HasSuffix(fset.Position(fn.Pos()).Filename, "_test.go") {
		return true
	}
	for _, elem := range strings.Split(fn.Pkg().Path(), "/") {
		elem = strings.ToLower(elem)
		for _, w := range []string{"mock", "fake", "stub", "testutil", "testdata", "testing"} {
			if strings.HasPrefix(elem, w) || strings.HasSuffix(elem, w) || strings.HasSuffix(elem, w+"s") {
				return true
			}
		}
	}
	return path.Base(fn.Pkg().Path()) == "test"
}

// declaredTypes lists the named types declared at package level, generic
// ones included.
func declaredTypes(pkg *types.Package) []*types.Named {
	var out []*types.Named
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		if tn, ok := scope.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() {
			if named, ok := tn.Type().(*types.Named); ok {
				out = append(out, named)
			}
		}
	}
	return out
}
