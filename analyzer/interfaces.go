package analyzer

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// ifaceSummary summarises a method of an interface declared in this
// package from the implementations declared beside it (the repository
// shape: an interface, an unexported struct, a constructor returning the
// interface). Its parameter bits count the interface method's parameters,
// the receiver not included, as the arguments of an invoke call do. It is
// nil when no implementation in the package runs a query.
func (s *state) ifaceSummary(m *types.Func) *QueryFact {
	m = m.Origin()
	if sum, ok := s.ifaces[m]; ok {
		return sum
	}
	s.ifaces[m] = nil // a cycle through the interface sees no summary
	var sum *QueryFact
	for _, impl := range s.implementations(m) {
		is := s.declaredSummary(impl)
		if is == nil {
			continue
		}
		if sum == nil {
			sum = &QueryFact{Query: is.Query, Library: is.Library, Kind: is.Kind}
			sum.Chain = append([]Hop{s.hopAt(funcName(impl), impl.Pos())}, is.Chain...)
		}
		sum.Params |= is.Params >> 1 // drop the receiver
	}
	s.ifaces[m] = sum
	return sum
}

// implementations returns the methods implementing m of the non-generic
// named types declared in this package.
func (s *state) implementations(m *types.Func) []*types.Func {
	recv := m.Type().(*types.Signature).Recv()
	if recv == nil || m.Pkg() != s.pass.Pkg {
		return nil
	}
	iface, ok := recv.Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	var out []*types.Func
	for _, t := range s.implementers(iface) {
		if obj, _, _ := types.LookupFieldOrMethod(t, true, m.Pkg(), m.Name()); obj != nil {
			if f, ok := obj.(*types.Func); ok {
				out = append(out, f)
			}
		}
	}
	return out
}

// implementers returns the types of this package implementing iface (T or
// *T of each non-interface named type). Only the types having a method of
// one of iface's names are checked: the work per interface is that of its
// candidates, not of every type of the package.
func (s *state) implementers(iface *types.Interface) []types.Type {
	if impls, ok := s.impls[iface]; ok {
		return impls
	}
	if s.methodOwners == nil {
		s.methodOwners = map[string][]*types.Named{}
		for _, named := range namedTypes(s.pass.Pkg) {
			if types.IsInterface(named) {
				continue
			}
			mset := types.NewMethodSet(types.NewPointer(named))
			for i := 0; i < mset.Len(); i++ {
				name := mset.At(i).Obj().Name()
				s.methodOwners[name] = append(s.methodOwners[name], named)
			}
		}
	}
	var candidates []*types.Named
	for i := 0; i < iface.NumMethods(); i++ {
		owners := s.methodOwners[iface.Method(i).Name()]
		if i == 0 || len(owners) < len(candidates) {
			candidates = owners
		}
	}
	var impls []types.Type
	for _, named := range candidates {
		for _, t := range []types.Type{named, types.NewPointer(named)} {
			if types.Implements(t, iface) {
				impls = append(impls, t)
				break
			}
		}
	}
	s.impls[iface] = impls
	return impls
}

// exportInterfaceFacts exports the summaries of this package's interface
// methods, for callers in other packages.
func (s *state) exportInterfaceFacts() {
	for _, named := range namedTypes(s.pass.Pkg) {
		iface, ok := named.Underlying().(*types.Interface)
		if !ok {
			continue
		}
		for i := 0; i < iface.NumExplicitMethods(); i++ {
			if sum := s.ifaceSummary(iface.ExplicitMethod(i)); sum != nil {
				s.pass.ExportObjectFact(iface.ExplicitMethod(i), sum)
			}
		}
	}
}

// namedTypes lists the non-generic named types declared at package level.
func namedTypes(pkg *types.Package) []*types.Named {
	var out []*types.Named
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		if tn, ok := scope.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() {
			if named, ok := tn.Type().(*types.Named); ok && named.TypeParams().Len() == 0 {
				out = append(out, named)
			}
		}
	}
	return out
}

// invokeReach is the reach of a call through an interface whose method
// has a summary: from this package's implementations, or a fact.
func (s *state) invokeReach(call ssa.CallInstruction) (reach, bool) {
	c := call.Common()
	m := c.Method.Origin()
	sum := s.declaredSummary(m)
	if sum == nil {
		return reach{}, false
	}
	r := reachOf(sum)
	r.chain = append([]Hop{s.hopAt(funcName(m), call.Pos())}, sum.Chain...)
	r.deps = inputs(sum.Params, nil, c.Args, nil)
	return r, true
}
