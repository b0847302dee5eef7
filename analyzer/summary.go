package analyzer

import (
	"go/token"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/ssa"

	"github.com/nplusonelint/nplusonelint/rules"
)

// state is the analysis of one package.
type state struct {
	*checks
	ssapkg *ssa.Package
	sums   map[*ssa.Function]*QueryFact
	ifaces map[*types.Func]*QueryFact // interface methods of this package
	// impls and methodOwners serve implementers: the implementing types
	// of each interface, and the types having a method of each name.
	impls        map[*types.Interface][]types.Type
	methodOwners map[string][]*types.Named
	bodies       map[*ssa.Function]*loop // functions run once per element: range-over-func bodies, callbacks
	flows        map[*ssa.Function]*flowAnalysis
	reporting    bool // the final pass: diagnostics are emitted
	reported     map[token.Pos]bool
	failed       map[*ssa.Function]bool // functions whose analysis hit an internal error
}

// site is a call instruction and one of the queries it leads to.
type site struct {
	call ssa.CallInstruction
	r    reach
}

// summary returns the current summary of a function of this package: the
// queries it runs for its callers, with the inputs they depend on (nil
// when it runs none, or has not been analyzed yet).
func (s *state) summary(fn *ssa.Function) *QueryFact { return s.sums[fn] }

// run analyzes the package's functions, callees first, until their
// summaries no longer change (recursion needs more than one round), then
// once more to report, and exports the summaries as facts.
func (s *state) run(funcs []*ssa.Function) {
	order := calleesFirst(s.ssapkg, funcs)
	for round := 0; round < 8; round++ {
		changed := false
		s.ifaces = map[*types.Func]*QueryFact{}
		for _, fn := range order {
			sum := s.analyzeGuarded(fn)
			if !sameSummary(sum, s.sums[fn]) {
				changed = true
			}
			s.sums[fn] = sum
		}
		if !changed {
			break
		}
	}
	s.reporting = true
	for _, fn := range order {
		s.analyzeGuarded(fn)
	}
	for _, fn := range order {
		if obj := funcObject(fn); s.sums[fn] != nil && obj != nil && fn.Origin() == nil && obj.Pkg() == s.pass.Pkg {
			s.pass.ExportObjectFact(obj, s.sums[fn])
		}
	}
	s.exportInterfaceFacts()
}

// analyzeHook, when set by a test, runs before each function's analysis.
var analyzeHook func(fn *ssa.Function)

// analyzeGuarded analyzes fn unless an earlier round failed on it; an
// internal error is reported once and fn is summarised as running nothing.
func (s *state) analyzeGuarded(fn *ssa.Function) (sum *QueryFact) {
	if s.failed[fn] {
		return nil
	}
	if !s.guard(funcPos(fn, s.pass), "function "+ssaName(fn), func() { sum = s.analyze(fn) }) {
		s.failed[fn] = true
		return nil
	}
	return sum
}

func sameSummary(a, b *QueryFact) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Query == b.Query && a.Params == b.Params && slices.Equal(a.Chain, b.Chain)
}

// analyze resolves fn's calls, runs the data flow from its inputs and
// loops, reports the calls that run a query once per element of one of
// its loops, and summarises the others.
func (s *state) analyze(fn *ssa.Function) *QueryFact {
	if analyzeHook != nil {
		analyzeHook(fn)
	}
	var sites []site
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(ssa.CallInstruction); ok {
				for _, r := range s.resolve(call) {
					sites = append(sites, site{call, r})
				}
			}
		}
	}
	if len(sites) == 0 {
		return nil
	}
	fa := s.flowOf(fn)
	loops, fl := fa.loops, fa.flow

	scripts := scriptLoops(sites, loops, fl)
	var sum *QueryFact
	for _, st := range sites {
		var t taint
		for _, d := range st.r.deps {
			if !rules.IsContext(d.Type()) {
				t = t.or(fl.of(d))
			}
		}
		if st.r.perElement != nil && t.loop == 0 {
			s.report(fn, st.r.perElement, st)
			continue
		}
		if l := perElementLoop(loops, st.call.Block(), t); l != nil && !scripts[l] {
			s.report(fn, l, st)
			continue
		}
		// The first query that depends on an input stands for all in
		// messages; the inputs of all count.
		if sum == nil || sum.Params == 0 && t.in != 0 {
			sum = &QueryFact{Query: st.r.query, Library: st.r.lib, Kind: string(st.r.kind), Chain: st.r.chain}
		}
		sum.Params |= t.in
	}
	return sum
}

// flowAnalysis is what analyzing a function computes independently of
// its callees' summaries: its loops and its data flow.
type flowAnalysis struct {
	loops []*loop
	flow  *flow
}

// flowOf computes fn's loops and data flow once; summary rounds reuse it.
func (s *state) flowOf(fn *ssa.Function) *flowAnalysis {
	if fa, ok := s.flows[fn]; ok {
		return fa
	}
	var loops []*loop
	body := s.bodies[fn]
	if body != nil {
		loops = append(loops, body)
	}
	loops = append(loops, findLoops(s.syntax, fn, naturalLoops(fn))...)
	if len(loops) > 62 { // one bit each; the rest are ignored
		loops = loops[:62]
	}
	for i, l := range loops {
		l.bit = 1 << i
	}
	seedVals, seedCalls := s.seeds(fn, loops, body)
	fa := &flowAnalysis{loops: loops, flow: propagate(s.reg, fn, seedVals, seedCalls)}
	s.flows[fn] = fa
	return fa
}

// perElementLoop returns the innermost loop holding block b in which a
// query with taint t runs once per element: it depends on the element.
// Holding means b can reach the loop's back edge: a query on a path that
// always leaves the loop is outside it.
func perElementLoop(loops []*loop, b *ssa.BasicBlock, t taint) *loop {
	var holding []*loop
	for _, l := range loops {
		if l.nat == nil || l.nat.blocks[b] {
			holding = append(holding, l)
		}
	}
	// Innermost first; the whole-function body loop is outermost.
	sort.SliceStable(holding, func(i, j int) bool { return size(holding[i]) < size(holding[j]) })
	for _, l := range holding {
		if t.loop&l.bit != 0 {
			return l
		}
	}
	return nil
}

func size(l *loop) int {
	if l.nat == nil {
		return 1 << 30
	}
	return len(l.nat.blocks)
}

// calleesFirst orders funcs so that, outside recursion, a function comes
// after the functions of this package it calls or creates (closures,
// callbacks): one round then sees every callee's summary. The order is
// deterministic: roots are taken in source order.
func calleesFirst(pkg *ssa.Package, funcs []*ssa.Function) []*ssa.Function {
	sorted := append([]*ssa.Function(nil), funcs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Pos() < sorted[j].Pos() })
	in := map[*ssa.Function]bool{}
	for _, fn := range funcs {
		in[fn] = true
	}
	seen := map[*ssa.Function]bool{}
	var order []*ssa.Function
	var visit func(fn *ssa.Function)
	visit = func(fn *ssa.Function) {
		if fn == nil || seen[fn] || !in[fn] {
			return
		}
		seen[fn] = true
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				var ops []*ssa.Value
				for _, op := range instr.Operands(ops) {
					if *op == nil {
						continue
					}
					callee, _ := funcValue(*op)
					if callee != nil {
						if o := callee.Origin(); o != nil {
							callee = o
						}
						visit(callee)
					}
				}
			}
		}
		order = append(order, fn)
	}
	for _, fn := range sorted {
		visit(fn)
	}
	return order
}
