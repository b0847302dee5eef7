package gorm

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/nplusonelint/nplusonelint/fixes"
)

// existsAdvice is what the message of a count compared to zero advises
// for GORM, which has no Exists: Limit(1).Count still counts every row.
const existsAdvice = `select at most one row instead: Select("1").Limit(1).Find(&n)`

// exists rewrites db.Model(&T{}).Where(…).Count(&n), n only ever compared
// with zero, into db.Model(&T{}).Where(…).Select("1").Limit(1).Find(&n):
// SELECT 1 … LIMIT 1 stops at the first matching row, and leaves n 1 when
// there is one and untouched when there is none.
//
// Untouched must mean 0: n is declared without a value right there
// (var n int64), in the same loop iteration or call as the count, and
// nothing else writes it. The query must name its table (Model or Table)
// and have no clause that changes what a count means (Group, Distinct,
// Select, Joins, Limit, …). Otherwise it returns nil.
func exists(c fixes.CountSite) *analysis.SuggestedFix {
	pass, file, call, n := c.Pass, c.File, c.Call, c.N
	links, _ := chain(pass.TypesInfo, call)
	if len(links) < 2 || links[len(links)-1].Call != call || len(call.Args) != 1 {
		return nil
	}
	table := false
	for _, l := range links[:len(links)-1] {
		switch l.Name {
		case "Model", "Table":
			table = true
		case "Where", "Or", "Not", "Unscoped", "WithContext", "Session", "Debug":
		default:
			return nil
		}
	}
	if !table || !declaredFresh(pass, file, call, n) {
		return nil
	}
	sel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	arg := types.ExprString(call.Args[0])
	return &analysis.SuggestedFix{
		Message: "select at most one row instead of counting them all",
		TextEdits: []analysis.TextEdit{{
			Pos:     sel.Sel.Pos(),
			End:     call.End(),
			NewText: []byte(`Select("1").Limit(1).Find(` + arg + `)`),
		}},
	}
}

// declaredFresh reports whether n is declared as "var n T" with no value
// in the same function and loop body as call, before it, and written only
// through call's &n.
func declaredFresh(pass *analysis.Pass, file *ast.File, call *ast.CallExpr, n *types.Var) bool {
	path, _ := astutil.PathEnclosingInterval(file, n.Pos(), n.Pos())
	var spec *ast.ValueSpec
	for _, p := range path {
		if vs, ok := p.(*ast.ValueSpec); ok {
			spec = vs
			break
		}
		if _, ok := p.(*ast.AssignStmt); ok {
			return false // n := 0, n, err := …
		}
	}
	if spec == nil || len(spec.Values) > 0 || n.Pos() > call.Pos() || scopeOf(file, n.Pos()) != scopeOf(file, call.Pos()) {
		return false
	}
	writes := 0
	ast.Inspect(scopeOf(file, call.Pos()), func(node ast.Node) bool {
		switch node := node.(type) {
		case *ast.AssignStmt:
			for _, l := range node.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && pass.TypesInfo.Uses[id] == n {
					writes += 2
				}
			}
		case *ast.IncDecStmt:
			if id, ok := ast.Unparen(node.X).(*ast.Ident); ok && pass.TypesInfo.Uses[id] == n {
				writes += 2
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(node.X).(*ast.Ident); ok && node.Op == token.AND && pass.TypesInfo.Uses[id] == n {
				writes++
			}
		}
		return true
	})
	return writes == 1
}

// scopeOf returns the innermost function or loop holding pos: what runs
// once per call or iteration.
func scopeOf(file *ast.File, pos token.Pos) ast.Node {
	path, _ := astutil.PathEnclosingInterval(file, pos, pos)
	for _, p := range path {
		switch p.(type) {
		case *ast.FuncDecl, *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt:
			return p
		}
	}
	return nil
}
