package fixes

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// ExistsFix rewrites a count that returns (count, error), its count only
// compared with zero, into the library's existence question returning
// (bool, error):
//
//	n, err := q.Count(ctx)      →  exists, err := q.Exists(ctx)
//	… n > 0 … n == 0 …          →  … exists … !exists …
//
// method replaces the count's method name; the arguments stay. It is
// offered only for `n, err := call` (or `n, _ :=`) declaring n there,
// every use of n being a comparison with zero that only asks whether n is
// positive (n > 0, n != 0, n >= 1, n == 0, n < 1, n <= 0, or swapped),
// typed bool. On an error both give their zero value (0, false), so a
// comparison reads the same either way. n takes the name exists (or
// found) when nothing in the function spells it, else keeps its own.
func (c CountSite) ExistsFix(method, message string) *analysis.SuggestedFix {
	info := c.Pass.TypesInfo
	sel, ok := ast.Unparen(c.Call.Fun).(*ast.SelectorExpr)
	if !ok || c.File == nil {
		return nil
	}
	s := Site{Pass: c.Pass, File: c.File}
	path := s.Ancestors(c.Call)
	if len(path) == 0 {
		return nil
	}
	as, ok := path[0].(*ast.AssignStmt)
	if !ok || as.Tok != token.DEFINE || len(as.Lhs) != 2 || len(as.Rhs) != 1 || as.Rhs[0] != c.Call {
		return nil
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return nil
	}
	n, _ := info.Defs[id].(*types.Var) // nil: n was declared before, := only assigns it
	fn := s.FuncOf(c.Call)
	if n == nil || fn == nil {
		return nil
	}
	var cmps []*ast.BinaryExpr
	uses := 0
	ast.Inspect(fn, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.Ident:
			if info.Uses[x] == n {
				uses++
			}
		case *ast.BinaryExpr:
			if IsIdentOf(info, x.X, n) || IsIdentOf(info, x.Y, n) {
				cmps = append(cmps, x)
			}
		}
		return true
	})
	if uses == 0 || uses != len(cmps) {
		return nil
	}
	name := s.freshIn(fn, "exists", "found")
	if name == "" {
		name = id.Name
	}
	edits := []analysis.TextEdit{
		{Pos: id.Pos(), End: id.End(), NewText: []byte(name)},
		{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte(method)},
	}
	for _, cmp := range cmps {
		side := cmp.X
		if !IsIdentOf(info, side, n) {
			side = cmp.Y
		}
		positive, ok := AsksPositive(info, cmp, side)
		if !ok || !isPlainBool(info.TypeOf(cmp)) {
			return nil
		}
		text := name
		if !positive {
			text = "!" + name
		}
		edits = append(edits, analysis.TextEdit{Pos: cmp.Pos(), End: cmp.End(), NewText: []byte(text)})
	}
	return &analysis.SuggestedFix{Message: message, TextEdits: edits}
}

// AsksPositive reads cmp, a comparison of operand (one of its sides) with
// a constant, as "operand > 0" (true) or "operand == 0" (false): > 0,
// != 0, >= 1 ask whether it is positive, == 0, <= 0, < 1 whether not, with
// the operands either way round; ok is false for any other comparison.
func AsksPositive(info *types.Info, cmp *ast.BinaryExpr, operand ast.Expr) (positive, ok bool) {
	op, other := cmp.Op, cmp.Y
	switch operand {
	case cmp.X:
	case cmp.Y:
		other = cmp.X
		switch op { // 0 < n is n > 0
		case token.LSS:
			op = token.GTR
		case token.GTR:
			op = token.LSS
		case token.LEQ:
			op = token.GEQ
		case token.GEQ:
			op = token.LEQ
		}
	default:
		return false, false
	}
	tv := info.Types[other]
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false, false
	}
	k, exact := constant.Int64Val(tv.Value)
	if !exact {
		return false, false
	}
	switch {
	case (op == token.GTR || op == token.NEQ) && k == 0, op == token.GEQ && k == 1:
		return true, true
	case (op == token.EQL || op == token.LEQ) && k == 0, op == token.LSS && k == 1:
		return false, true
	}
	return false, false
}

// isPlainBool reports whether t is bool or an untyped boolean: a bool
// variable may stand where the comparison stood.
func isPlainBool(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && (b.Kind() == types.Bool || b.Kind() == types.UntypedBool)
}
