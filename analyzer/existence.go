package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// existenceRule is the rule ID of a count compared to zero.
const existenceRule = "count-compared-to-zero"

// reportExistence reports counts whose result is only compared with zero
// (n > 0, n != 0, n == 0, n >= 1, n < 1): the database counts every
// matching row to answer whether there is one. Reported in or out of
// loops. The count writes its result through a pointer (Count(&n)),
// returns it (assoc.Count() > 0), or defines it (n, err := q.Count(ctx)).
// It needs no SSA: the syntax and the registry say it all.
func (s *checks) reportExistence() {
	for c := range s.syntax.ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		fn, ok := typeutil.Callee(s.pass.TypesInfo, call).(*types.Func)
		if !ok {
			continue
		}
		q, ok := s.reg.Lookup(fn)
		if !ok {
			continue
		}
		site := fixes.CountSite{Pass: s.pass, File: fileOf(s.pass, call.Pos()), Call: call}
		if q.Kind != rules.Count {
			if site.SQL, site.N = s.countedText(c, call, q); site.N == nil {
				continue
			}
			s.emitExistence(call, "SELECT COUNT(…) in "+funcName(fn), rules.ExistenceRemedy(q.Library, site))
			continue
		}
		switch {
		case len(call.Args) == 1 && fn.Signature().Results().Len() == 1 && isPtrToInt(s.pass, call.Args[0]):
			n := addressedVar(s.pass, call.Args[0]) // db.….Count(&n)
			if n == nil || !onlyComparedWithZero(s.syntax, n, ast.Unparen(call.Args[0])) {
				continue
			}
			site.N = n
		case comparedWithZero(s.pass, call, c.Parent().Node()): // assoc.Count() > 0
		default:
			n := definedResult(s.pass, c.Parent().Node(), call) // n, err := G.Count(ctx, "*")
			if n == nil || !onlyComparedWithZero(s.syntax, n, nil) {
				continue
			}
		}
		s.emitExistence(call, funcName(fn), rules.ExistenceRemedy(q.Library, site))
	}
}

// emitExistence reports one count compared to zero.
func (s *checks) emitExistence(call *ast.CallExpr, counter string, r rules.Remedy) {
	if s.silenced(call.Pos()) {
		return
	}
	start, end := s.callRange(call.Lparen)
	msg := "count compared to zero: " + counter + " counts every matching row to learn whether there is one"
	if r.Advice != "" {
		msg += "; " + r.Advice
	}
	d := analysis.Diagnostic{
		Pos:      start,
		End:      end,
		Category: existenceRule,
		Message:  msg,
		URL:      rules.RuleURL(existenceRule),
	}
	if r.Fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*r.Fix}
	}
	s.pass.Report(d)
}

func isPtrToInt(pass *analysis.Pass, e ast.Expr) bool {
	p, ok := typeOf(pass, e).Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	b, ok := p.Elem().Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// addressedVar returns v for &v, v a local variable.
func addressedVar(pass *analysis.Pass, e ast.Expr) *types.Var {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return nil
	}
	id, ok := ast.Unparen(u.X).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := pass.TypesInfo.Uses[id].(*types.Var)
	if v == nil || v.Parent() == nil || v.Parent() == pass.Pkg.Scope() {
		return nil
	}
	return v
}

// definedResult returns n in "n, err := call" or "n := call".
func definedResult(pass *analysis.Pass, parent ast.Node, call *ast.CallExpr) *types.Var {
	as, ok := parent.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || as.Rhs[0] != call || as.Tok != token.DEFINE {
		return nil
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := pass.TypesInfo.Defs[id].(*types.Var)
	return v
}

// onlyComparedWithZero reports whether every read of v compares it with
// zero, and there is at least one; except is the count call's own &v.
func onlyComparedWithZero(sx *syntax, v *types.Var, except ast.Node) bool {
	reads := 0
	for _, u := range sx.uses(v) {
		if u.parent == except {
			continue
		}
		if !comparedWithZero(sx.pass, u.id, u.parent) {
			return false
		}
		reads++
	}
	return reads > 0
}

// comparedWithZero reports whether parent compares e with zero in a way
// that only asks whether e is positive (fixes.AsksPositive).
func comparedWithZero(pass *analysis.Pass, e ast.Expr, parent ast.Node) bool {
	be, ok := parent.(*ast.BinaryExpr)
	if !ok {
		return false
	}
	_, ok = fixes.AsksPositive(pass.TypesInfo, be, e)
	return ok
}

// countedText returns the SQL text argument of a query whose constant
// text counts rows (SELECT COUNT(…) …, one row, no GROUP BY) and the
// variable its count is read into, when every read of that variable
// compares it with zero: a destination argument before the text
// (Get(&n, "SELECT COUNT(*) …")), or the only argument of a library
// method called on the query's result (QueryRow(…).Scan(&n)).
func (s *checks) countedText(c inspector.Cursor, call *ast.CallExpr, q rules.Query) (ast.Expr, *types.Var) {
	if q.SQLArg < 0 || q.SQLArg >= len(call.Args) {
		return nil, nil
	}
	text := call.Args[q.SQLArg]
	tv := s.pass.TypesInfo.Types[text]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return nil, nil
	}
	sql := constant.StringVal(tv.Value)
	if !isCount(sql) || groupBy.MatchString(sql) {
		return nil, nil
	}
	var dest ast.Expr
	for _, a := range call.Args[:q.SQLArg] {
		if isPtrToInt(s.pass, a) {
			dest = a
		}
	}
	if dest == nil {
		sel, ok := c.Parent().Node().(*ast.SelectorExpr)
		if !ok || sel.X != call {
			return nil, nil
		}
		outer, ok := c.Parent().Parent().Node().(*ast.CallExpr)
		if !ok || outer.Fun != sel || len(outer.Args) != 1 || !isPtrToInt(s.pass, outer.Args[0]) {
			return nil, nil
		}
		scan, ok := typeutil.Callee(s.pass.TypesInfo, outer).(*types.Func)
		if !ok || scan.Pkg() == nil || !s.reg.Owns(scan.Pkg().Path()) {
			return nil, nil
		}
		if _, isQuery := s.reg.Lookup(scan); isQuery {
			return nil, nil
		}
		dest = outer.Args[0]
	}
	n := addressedVar(s.pass, dest)
	if n == nil || !onlyComparedWithZero(s.syntax, n, ast.Unparen(dest)) {
		return nil, nil
	}
	return text, n
}

// groupBy matches a grouped statement: one count per group, not one row.
var groupBy = regexp.MustCompile(`(?i)\bGROUP\s+BY\b`)
