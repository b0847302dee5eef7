package analyzer

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// remedy asks the query's library what to do about a query run once per
// element of l: advice for the message and at most one fix (golangci-lint
// applies every fix of a diagnostic). direct says the query is the call
// at pos itself, not a function leading to it.
func (s *state) remedy(l *loop, org origin, st site, direct bool, call *ast.CallExpr) (string, []analysis.SuggestedFix) {
	stmt, ok := l.node.(ast.Stmt)
	if !ok {
		return "", nil
	}
	site := fixes.Site{
		Pass:       s.pass,
		File:       fileOf(s.pass, l.node.Pos()),
		Loop:       stmt,
		Collection: l.collection,
		Outer:      org.outer,
		Param:      org.param,
	}
	if site.File == nil {
		return "", nil
	}
	if direct {
		site.Call = call
	}
	if org.query != "" {
		site.Origin = s.syntax.callAt(org.pos)
	}
	r := rules.RemedyFor(s.reg.Library(st.r.lib), st.r.kind, site)
	if r.Fix == nil {
		return r.Advice, nil
	}
	return r.Advice, []analysis.SuggestedFix{*r.Fix}
}
