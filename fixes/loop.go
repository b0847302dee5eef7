package fixes

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// MayQueryElsewhere reports whether the loop body, the nodes in skip
// aside (the loop's own query), calls anything but builtins, conversions
// and the standard library (database/sql aside): an eager load reads
// everything before the loop, so it would miss what such a call wrote in
// an earlier iteration. A method called through an interface may query.
func (s Site) MayQueryElsewhere(skip ...ast.Node) bool {
	info := s.Pass.TypesInfo
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
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if tv, ok := info.Types[call.Fun]; ok && (tv.IsType() || tv.IsBuiltin()) {
			return true
		}
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil || strings.Contains(strings.Split(fn.Pkg().Path(), "/")[0], ".") || strings.HasPrefix(fn.Pkg().Path(), "database/sql") {
			found = true
		} else if sig := fn.Signature(); sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
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
