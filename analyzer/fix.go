package analyzer

import (
	"go/ast"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// remedy asks the query's library what to do about a query run once per
// element of l: advice for the message and at most one fix (golangci-lint
// applies every fix of a diagnostic). direct says the query is the call
// at pos itself, not a function leading to it.
func (s *state) remedy(l *loop, org origin, st site, direct bool, call *ast.CallExpr) rules.Remedy {
	stmt, ok := l.node.(ast.Stmt)
	if !ok {
		return rules.Remedy{}
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
		return rules.Remedy{}
	}
	if direct {
		site.Call = call
	}
	if org.query != "" {
		site.Origin = s.syntax.callAt(org.pos)
	}
	return rules.RemedyFor(s.reg.Library(st.r.lib), st.r.kind, site)
}
