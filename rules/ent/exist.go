package ent

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nplusonelint/nplusonelint/fixes"
)

const existAdvice = "ask whether a row exists with Exist(ctx) (ExistX), which selects at most one row"

// exist rewrites `q.CountX(ctx) > 0` as `q.ExistX(ctx)` and `q.CountX(ctx)
// == 0` as `!q.ExistX(ctx)`, and `n, err := q.Count(ctx)`, n only compared
// with zero, as `exists, err := q.Exist(ctx)` (fixes.CountSite.ExistsFix).
// The query is built in the call (Exist adds a Limit to its receiver, so a
// query kept in a variable would carry it on) and only filtered or
// ordered: a Limit, Offset or modifier could make the two disagree.
func exist(c fixes.CountSite) *analysis.SuggestedFix {
	if c.File == nil || !freshFilter(c.Pass.TypesInfo, c.Call) {
		return nil
	}
	sel, ok := ast.Unparen(c.Call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if sel.Sel.Name == "Count" {
		return c.ExistsFix("Exist", "ask whether a row exists with Exist")
	}
	if c.N != nil || sel.Sel.Name != "CountX" {
		return nil
	}
	var cmp *ast.BinaryExpr
	ast.Inspect(c.File, func(n ast.Node) bool {
		if b, ok := n.(*ast.BinaryExpr); ok && ast.Unparen(b.X) == c.Call {
			cmp = b
		}
		return cmp == nil
	})
	if cmp == nil {
		return nil
	}
	exists, ok := fixes.AsksPositive(c.Pass.TypesInfo, cmp, cmp.X)
	if !ok {
		return nil
	}
	if !isBool(c.Pass.TypesInfo.TypeOf(cmp)) {
		return nil
	}
	s := fixes.Site{Pass: c.Pass, File: c.File}
	text := s.Text(sel.X) + ".ExistX(" + s.Text(c.Call.Args[0]) + ")"
	if !exists {
		text = "!" + text
	}
	return &analysis.SuggestedFix{
		Message:   "ask whether a row exists with ExistX",
		TextEdits: []analysis.TextEdit{{Pos: cmp.Pos(), End: cmp.End(), NewText: []byte(text)}},
	}
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

// freshFilter reports whether count's query starts in the same expression
// (client.Y.Query(), x.QueryY(), client.X.QueryY(x)) and adds only Where
// and Order before the count.
func freshFilter(info *types.Info, count *ast.CallExpr) bool {
	links, _ := fixes.Chain(info, count, func(fn *types.Func) bool {
		return fn.Pkg() != nil && isGeneratedPackage(fn.Pkg())
	})
	if len(links) < 2 || links[len(links)-1].Call != count || !strings.HasPrefix(links[0].Name, "Query") {
		return false
	}
	for _, l := range links[1 : len(links)-1] {
		if l.Name != "Where" && l.Name != "Order" {
			return false
		}
	}
	return true
}
