package xorm

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// existsAdvice is what the message of a count compared to zero advises.
const existsAdvice = "ask whether a row exists instead: Exist(&bean) selects at most one"

// existsBuilders are the builders between the engine and Count that mean
// the same to Count and Exist: the table and the conditions. Cols,
// Select, Distinct, GroupBy and Having change what Count counts; Exist
// sets its own Limit(1); SQL replaces both statements.
var existsBuilders = map[string]bool{
	"Table": true, "Context": true, "Unscoped": true,
	"Where": true, "And": true, "Or": true, "In": true, "NotIn": true, "ID": true,
}

// exists rewrites `n, err := engine.Where(…).Count(&T{…})`, n only
// compared with zero, into `exists, err := engine.Where(…).Exist(&T{…})`.
// Given a struct bean both take its table and its non-zero fields as
// conditions (Statement.MergeConds, soft deletion included); Exist then
// selects one row (LIMIT 1) and returns false with the error where Count
// returned 0. The count takes one bean, a pointer to a struct (without
// one, Count ignores the soft-deletion condition and ID(…) that Exist
// applies), and the chain starts at an Engine or a fresh session (a
// Session's statement may carry builders from earlier calls) and holds
// only existsBuilders.
func exists(c fixes.CountSite) *analysis.SuggestedFix {
	info := c.Pass.TypesInfo
	links, root := fixes.Chain(info, c.Call, isMethod)
	if len(links) == 0 || links[len(links)-1].Call != c.Call || links[len(links)-1].Name != "Count" || len(c.Call.Args) != 1 || c.Call.Ellipsis.IsValid() {
		return nil
	}
	if rules.RecvName(links[0].Fn.Signature()) != "Engine" && !freshSession(c, root) {
		return nil
	}
	for _, l := range links[:len(links)-1] {
		if !existsBuilders[l.Name] {
			return nil
		}
	}
	p, ok := info.TypeOf(c.Call.Args[0]).(*types.Pointer)
	if !ok {
		return nil
	}
	if _, ok := p.Elem().Underlying().(*types.Struct); !ok {
		return nil
	}
	return c.ExistsFix("Exist", "ask whether a row exists with Exist")
}

// sessionControl are the Session methods that leave its statement as it
// was: they start, end or close its transaction.
var sessionControl = map[string]bool{"Begin": true, "Commit": true, "Rollback": true, "Close": true}

// freshSession reports whether root is a session with no builder in its
// statement: a variable declared by `s := engine.NewSession()` in the
// count's function and used before the count (anywhere, when a loop runs
// the count again) only as s.Begin(), s.Commit(), s.Rollback() or
// s.Close().
func freshSession(c fixes.CountSite, root ast.Expr) bool {
	info := c.Pass.TypesInfo
	id, ok := ast.Unparen(root).(*ast.Ident)
	if !ok {
		return false
	}
	v, _ := info.Uses[id].(*types.Var)
	s := fixes.Site{Pass: c.Pass, File: c.File}
	fn := s.FuncOf(c.Call)
	if v == nil || fn == nil || !fixes.DeclaredIn(v, fn) {
		return false
	}
	inLoop := false
	for _, p := range s.Ancestors(c.Call) {
		if p == fn {
			break
		}
		if _, ok := p.(ast.Stmt); ok && fixes.LoopBody(p.(ast.Stmt)) != nil {
			inLoop = true
		}
	}
	fresh, made := true, false
	ast.Inspect(fn, func(n ast.Node) bool {
		if n != nil && !inLoop && n.Pos() >= c.Call.End() {
			return false // after the count, run once: it cannot shape it
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if lid, ok := l.(*ast.Ident); ok && info.ObjectOf(lid) == v {
					made = n.Tok == token.DEFINE && info.Defs[lid] == v && len(n.Rhs) == len(n.Lhs) && isNewSession(info, n.Rhs[i])
					fresh = fresh && made
				}
			}
		case *ast.CallExpr:
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok || !fixes.IsIdentOf(info, sel.X, v) {
				return true
			}
			if sel.X == root || sessionControl[sel.Sel.Name] && len(n.Args) == 0 {
				return false // the count's own chain, or Begin(), Close(), …
			}
			fresh = false
		case *ast.Ident:
			if info.Uses[n] == v {
				fresh = false // passed on, captured, assigned: anything else
			}
		}
		return fresh
	})
	return fresh && made
}

// isNewSession reports whether e is (*Engine).NewSession().
func isNewSession(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn != nil && isMethod(fn) && fn.Name() == "NewSession" && rules.RecvName(fn.Signature()) == "Engine"
}
