package sqlboiler

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/nplusonelint/nplusonelint/fixes"
)

// existsName is the variable the fix declares for Exists's answer.
const existsName = "exists"

// existsFix rewrites `n, err := q.Count(ctx, exec)` whose n is only
// compared with zero as `exists, err := q.Exists(ctx, exec)`, each
// comparison becoming exists (n > 0, n != 0, n >= 1, 0 < n…) or !exists
// (n == 0, n <= 0, n < 1, 0 == n…): the same error handling (Exists
// returns (bool, error) as Count returns (int64, error)), one row read
// instead of a count of them all. Only for a generated query (xQuery)
// with its own Exists, n declared by the statement, and the name exists
// free in the function.
func existsFix(c fixes.CountSite) *analysis.SuggestedFix {
	if c.N != nil || c.SQL != nil || c.File == nil {
		return nil
	}
	info := c.Pass.TypesInfo
	sel, ok := ast.Unparen(c.Call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Count" || len(c.Call.Args) != 2 || !hasExists(info.TypeOf(sel.X)) {
		return nil
	}
	s := fixes.Site{Pass: c.Pass, File: c.File}
	path := s.Ancestors(c.Call)
	if len(path) == 0 {
		return nil
	}
	as, ok := path[0].(*ast.AssignStmt)
	if !ok || as.Tok != token.DEFINE || len(as.Lhs) != 2 || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != c.Call {
		return nil
	}
	nid := identOf(as.Lhs[0])
	if nid == nil {
		return nil
	}
	n, _ := info.Defs[nid].(*types.Var)
	fn := s.FuncOf(c.Call)
	if n == nil || fn == nil || !nameFree(info, fn, as.Pos()) {
		return nil
	}
	edits := []analysis.TextEdit{
		{Pos: nid.Pos(), End: nid.End(), NewText: []byte(existsName)},
		{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("Exists")},
	}
	uses := 0
	for _, obj := range info.Uses {
		if obj == n {
			uses++
		}
	}
	ast.Inspect(fn, func(node ast.Node) bool {
		be, ok := node.(*ast.BinaryExpr)
		if !ok {
			return true
		}
		exists, ok := asksExists(info, be, n)
		if !ok {
			return true
		}
		text := existsName
		if !exists {
			text = "!" + existsName
		}
		edits = append(edits, analysis.TextEdit{Pos: be.Pos(), End: be.End(), NewText: []byte(text)})
		uses--
		return false
	})
	if uses != 0 {
		return nil // a read of n that is not such a comparison
	}
	return &analysis.SuggestedFix{Message: "ask whether a row exists with Exists", TextEdits: edits}
}

// hasExists reports whether a generated query type has
// Exists(ctx, exec) (bool, error).
func hasExists(t types.Type) bool {
	n, ok := fixes.DerefNamed(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !isGeneratedPackage(n.Obj().Pkg()) {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(n, true, n.Obj().Pkg(), "Exists")
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	res := fn.Signature().Results()
	return fn.Signature().Params().Len() == 2 && res.Len() == 2 && isBool(res.At(0).Type())
}

// asksExists reports whether be compares n with zero, and whether it is
// true when a row exists: n > 0, n != 0, n >= 1 (and 0 < n, 0 != n,
// 1 <= n) ask that one does; n == 0, n <= 0, n < 1 (0 == n, 0 >= n,
// 1 > n) that none does.
func asksExists(info *types.Info, be *ast.BinaryExpr, n *types.Var) (exists, ok bool) {
	op, other := be.Op, be.Y
	switch {
	case identOf(be.X) != nil && info.Uses[identOf(be.X)] == n:
	case identOf(be.Y) != nil && info.Uses[identOf(be.Y)] == n:
		other = be.X
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

// nameFree reports whether the fix may declare existsName at pos: no
// identifier of the function is spelled so, and nothing so named is
// visible there.
func nameFree(info *types.Info, fn ast.Node, pos token.Pos) bool {
	free := true
	ast.Inspect(fn, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == existsName {
			free = false
		}
		return free
	})
	if !free {
		return false
	}
	for _, scope := range info.Scopes {
		if scope.Contains(pos) {
			if _, obj := scope.LookupParent(existsName, pos); obj != nil {
				return false
			}
		}
	}
	return true
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}
