package fixes

import "go/ast"

// MayQueryBesides reports whether the loop body, the nodes in skip aside
// (the loop's own query, the statements a fix moves), calls anything that
// may query (MayQuery): an eager load reads everything before the loop, so
// it would miss what such a call wrote in an earlier iteration.
func (s Site) MayQueryBesides(skip ...ast.Node) bool {
	found := false
	ast.Inspect(LoopBody(s.Loop), func(n ast.Node) bool {
		if found || n == nil {
			return false
		}
		for _, k := range skip {
			if k.Pos() <= n.Pos() && n.End() <= k.End() {
				return false
			}
		}
		if call, ok := n.(*ast.CallExpr); ok && MayQuery(s.Pass.TypesInfo, call) {
			found = true
		}
		return !found
	})
	return found
}

// Encloses reports whether the statement holding n is written in a block
// that holds the loop too, before it, outside any closure.
func (s Site) Encloses(n ast.Node) bool {
	for _, p := range s.Ancestors(n) {
		if _, ok := p.(*ast.FuncLit); ok {
			return false
		}
		if b, ok := p.(*ast.BlockStmt); ok {
			return b.Pos() <= s.Loop.Pos() && s.Loop.End() <= b.End() && n.End() <= s.Loop.Pos()
		}
	}
	return false
}
