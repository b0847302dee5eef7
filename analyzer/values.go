package analyzer

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// valueReach is the reach of the function value a, argument i of call,
// when the callee calls it: a closure, a named function or a method value.
func (s *state) valueReach(call ssa.CallInstruction, obj *types.Func, i int, a ssa.Value) (reach, bool) {
	fn, bindings := argFuncValue(a)
	if fn == nil || !s.invokes(call, obj, i, fn) {
		return reach{}, false
	}
	sum, own, bound := s.valueSummary(fn, bindings)
	if sum == nil {
		return reach{}, false
	}
	c := call.Common()
	r := reachOf(sum)
	r.deps = bound
	r.chain = []Hop{s.hopAt(calleeName(c, obj), call.Pos())}
	if fn.Parent() == nil {
		// A named function or method value: called inside the callee, so
		// its hop has no position of its own.
		r.chain = append(r.chain, Hop{Callee: ssaName(fn)})
	}
	r.chain = append(r.chain, sum.Chain...)
	if own == 0 {
		return r, true
	}
	// The query depends on the callback's own parameters. A named function
	// or method called once per element by the callee makes this call a
	// loop of its own; otherwise the parameters come from the callee's
	// other arguments.
	if fn.Parent() == nil {
		if l := s.callbackLoop(call, obj, i); l != nil {
			r.perElement = l
			return r, true
		}
	}
	for j, b := range c.Args {
		if j != i {
			r.deps = append(r.deps, b)
		}
	}
	if c.IsInvoke() {
		r.deps = append(r.deps, c.Value)
	}
	return r, true
}

// valueSummary returns the summary of a function value, which of its own
// parameters the query depends on, and the bound values (closure bindings,
// a method value's receiver) it depends on.
func (s *state) valueSummary(fn *ssa.Function, bindings []ssa.Value) (sum *QueryFact, own uint64, bound []ssa.Value) {
	if isBound(fn) {
		m, ok := fn.Object().(*types.Func)
		if !ok {
			return nil, 0, nil
		}
		if sum = s.declaredSummary(m); sum == nil {
			return nil, 0, nil
		}
		if sum.Params&1 != 0 && len(bindings) > 0 {
			bound = bindings[:1] // the receiver
		}
		return sum, sum.Params >> 1, bound
	}
	if fn.Parent() == nil { // a declared function, of this package or another
		if m := funcObject(fn); m != nil {
			sum = s.declaredSummary(m)
		}
	} else if fn.Pkg == s.ssapkg { // a closure
		sum = s.summary(fn)
	}
	if sum == nil {
		return nil, 0, nil
	}
	n := fn.Signature.Params().Len() // fn.Params is empty for another package's function
	return sum, sum.Params & (1<<n - 1), inputs(sum.Params, fn, nil, bindings)
}

// declaredSummary returns the summary of a declared function or method,
// an interface method's being that of its implementations: computed here
// for this package's, read from its fact for another's.
func (s *state) declaredSummary(m *types.Func) *QueryFact {
	m = m.Origin()
	if m.Pkg() != s.pass.Pkg {
		var f QueryFact
		if s.pass.ImportObjectFact(m, &f) {
			return &f
		}
		return nil
	}
	if recv := m.Type().(*types.Signature).Recv(); recv != nil && types.IsInterface(recv.Type()) {
		return s.ifaceSummary(m)
	}
	if fn := s.ssapkg.Prog.FuncValue(m); fn != nil {
		return s.summary(fn)
	}
	return nil
}

// isBound reports whether fn is the wrapper of a method value (s.load).
func isBound(fn *ssa.Function) bool {
	return strings.HasPrefix(fn.Synthetic, "bound method wrapper")
}

// callbackLoop returns the loop a higher-order call makes when its
// CallbackFact says it calls argument i once per element of another.
func (s *state) callbackLoop(call ssa.CallInstruction, obj *types.Func, i int) *loop {
	if obj == nil {
		return nil
	}
	fact, p, ok := s.callbackParam(call, obj, i)
	if !ok {
		return nil
	}
	for _, e := range fact.Each {
		if e.Func != p {
			continue
		}
		expr := s.syntax.callAt(call.Pos())
		if expr == nil {
			return nil
		}
		return eachLoop(s.syntax, obj, expr, e)
	}
	return nil
}
