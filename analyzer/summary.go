package analyzer

import (
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// state is the analysis of one package.
type state struct {
	pass     *analysis.Pass
	ssapkg   *ssa.Package
	sums     map[*ssa.Function]*QueryFact
	ifaces   map[*types.Func]*QueryFact // interface methods of this package
	done     map[*ssa.Function]bool
	busy     map[*ssa.Function]bool
	bodies   map[*ssa.Function]*loop // functions run once per element: range-over-func bodies, callbacks
	reported map[token.Pos]bool
	ignores  *ignores
}

// site is a call instruction and one of the queries it leads to.
type site struct {
	call ssa.CallInstruction
	r    reach
}

// summarize analyzes fn once: it reports the N+1s of fn's own loops and
// returns what remains, the queries fn runs for its callers, with the
// inputs they depend on (nil when fn runs none). Recursive calls see no
// summary while their cycle is being analyzed.
func (s *state) summarize(fn *ssa.Function) *QueryFact {
	if s.done[fn] || s.busy[fn] {
		return s.sums[fn]
	}
	s.busy[fn] = true
	sum := s.analyze(fn)
	s.busy[fn] = false
	s.done[fn] = true
	s.sums[fn] = sum
	if obj := funcObject(fn); sum != nil && obj != nil && fn.Origin() == nil && obj.Pkg() == s.pass.Pkg {
		s.pass.ExportObjectFact(obj, sum)
	}
	return sum
}

// analyze resolves fn's calls, runs the data flow from its inputs and
// loops, reports the calls that run a query once per element of one of
// its loops, and summarises the others.
func (s *state) analyze(fn *ssa.Function) *QueryFact {
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
	var loops []*loop
	body := s.bodies[fn]
	if body != nil {
		loops = append(loops, body)
	}
	loops = append(loops, findLoops(s.pass, fn, naturalLoops(fn))...)
	if len(loops) > 62 { // one bit each; the rest are ignored
		loops = loops[:62]
	}
	for i, l := range loops {
		l.bit = 1 << i
	}
	seedVals, seedCalls := s.seeds(fn, loops, body)
	fl := propagate(fn, seedVals, seedCalls)

	var sum *QueryFact
	for _, st := range sites {
		var t taint
		for _, d := range st.r.deps {
			if !isContext(d.Type()) {
				t = t.or(fl.of(d))
			}
		}
		if st.r.perElement != nil && t.loop == 0 {
			s.report(fn, st.r.perElement, st)
			continue
		}
		if l := perElementLoop(loops, st.call.Block(), t); l != nil {
			s.report(fn, l, st)
			continue
		}
		// The first query that depends on an input stands for all in
		// messages; the inputs of all count.
		if sum == nil || sum.Params == 0 && t.in != 0 {
			sum = &QueryFact{Query: st.r.query, Kind: string(st.r.kind), Chain: st.r.chain}
		}
		sum.Params |= t.in
	}
	return sum
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
