package analyzer

import (
	"go/ast"
	"go/types"

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
	if extendsCollection(s.pass.TypesInfo, stmt, l.collection) {
		return rules.Remedy{Advice: worklistAdvice}
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

// worklistAdvice is the remedy of a loop walking a worklist it extends
// (a tree, level by level): nothing was loaded before it to eager-load
// into.
const worklistAdvice = "the loop walks a worklist it extends: load each level with one query over the keys of the whole frontier, or walk the tree in the database (WITH RECURSIVE)"

// extendsCollection reports whether a for loop appends to the variable it
// iterates (queue = append(queue, children...)): a worklist. A range
// reads its collection once, so appending there extends nothing.
func extendsCollection(info *types.Info, loop ast.Stmt, coll ast.Expr) bool {
	id, ok := ast.Unparen(coll).(*ast.Ident)
	if _, isFor := loop.(*ast.ForStmt); !ok || !isFor {
		return false
	}
	v := info.ObjectOf(id)
	found := false
	ast.Inspect(loop, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found {
			return !found
		}
		for i, lhs := range as.Lhs {
			l, ok := ast.Unparen(lhs).(*ast.Ident)
			if !ok || info.ObjectOf(l) != v || i >= len(as.Rhs) {
				continue
			}
			call, ok := ast.Unparen(as.Rhs[i]).(*ast.CallExpr)
			if !ok || len(call.Args) < 2 {
				continue
			}
			if b, ok := info.Uses[astIdent(call.Fun)].(*types.Builtin); ok && b.Name() == "append" {
				found = true
			}
		}
		return !found
	})
	return found
}

// astIdent returns e as an identifier, nil if it is none.
func astIdent(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}
