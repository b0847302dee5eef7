package analyzer

import "golang.org/x/tools/go/ssa"

// natLoop is a natural loop of an SSA function: a header block and the
// blocks that can reach one of its back edges without passing the header.
// A block outside it (a path that returns or breaks on every branch) runs
// at most once per execution of the loop.
type natLoop struct {
	header *ssa.BasicBlock
	blocks map[*ssa.BasicBlock]bool
	parent *natLoop // smallest loop strictly containing this one
}

// naturalLoops finds the loops of fn from dominance-based back edges (an
// edge b→h where h dominates b), merging loops that share a header.
func naturalLoops(fn *ssa.Function) []*natLoop {
	byHeader := map[*ssa.BasicBlock]*natLoop{}
	var loops []*natLoop
	for _, b := range fn.Blocks {
		for _, h := range b.Succs {
			if !h.Dominates(b) {
				continue
			}
			l := byHeader[h]
			if l == nil {
				l = &natLoop{header: h, blocks: map[*ssa.BasicBlock]bool{h: true}}
				byHeader[h] = l
				loops = append(loops, l)
			}
			stack := []*ssa.BasicBlock{b}
			for len(stack) > 0 {
				x := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if l.blocks[x] {
					continue
				}
				l.blocks[x] = true
				stack = append(stack, x.Preds...)
			}
		}
	}
	for _, l := range loops {
		for _, m := range loops {
			if m != l && len(m.blocks) > len(l.blocks) && m.blocks[l.header] &&
				(l.parent == nil || len(m.blocks) < len(l.parent.blocks)) {
				l.parent = m
			}
		}
	}
	return loops
}

// innermost returns the smallest loop containing b, or nil.
func innermost(loops []*natLoop, b *ssa.BasicBlock) *natLoop {
	var best *natLoop
	for _, l := range loops {
		if l.blocks[b] && (best == nil || len(l.blocks) < len(best.blocks)) {
			best = l
		}
	}
	return best
}
