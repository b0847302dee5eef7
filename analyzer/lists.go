package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// ListFact marks an exported package-level variable initialized with a
// non-empty composite literal and never assigned, extended or addressed
// anywhere else in its package: a fixed list written in the source
// (default settings, built-in kinds), which a loop in another package
// iterates as it would a literal, not as data.
type ListFact struct{}

// AFact marks ListFact as an analysis fact.
func (*ListFact) AFact() {}

func (*ListFact) String() string { return "literal list" }

// exportListFacts exports a ListFact for each exported package-level
// variable that is a list written in the source, in the modules the user
// works on (the list often sits in a package of constants that reaches no
// data library; the standard library's and dependencies' lists are left
// alone, so that they cost nothing). It reads only syntax, and walks the
// package's bodies only when it declares such a candidate.
func exportListFacts(pass *analysis.Pass) {
	if !ownModule(pass) {
		return
	}
	candidates := map[*types.Var]bool{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Values) != len(vs.Names) {
					continue
				}
				for i, name := range vs.Names {
					lit, ok := ast.Unparen(vs.Values[i]).(*ast.CompositeLit)
					if !ok || len(lit.Elts) == 0 || !name.IsExported() {
						continue // an empty literal is a container to fill
					}
					if v, ok := pass.TypesInfo.Defs[name].(*types.Var); ok {
						candidates[v] = true
					}
				}
			}
		}
	}
	if len(candidates) == 0 {
		return
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, lhs := range n.Lhs {
					delete(candidates, rootVar(pass, lhs))
				}
			case *ast.IncDecStmt:
				delete(candidates, rootVar(pass, n.X))
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					delete(candidates, rootVar(pass, n.X))
				}
			case *ast.CallExpr:
				// Methods with pointer receivers on an element, such as
				// Defaults[0].Set(x), take its address implicitly.
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok {
					if isPointerRecv(pass.TypesInfo.Selections[sel]) {
						delete(candidates, rootVar(pass, sel.X))
					}
				}
			}
			return len(candidates) > 0
		})
	}
	for v := range candidates {
		pass.ExportObjectFact(v, new(ListFact))
	}
}

// isPointerRecv reports whether a method selection calls a method with a
// pointer receiver.
func isPointerRecv(s *types.Selection) bool {
	if s == nil || s.Kind() != types.MethodVal {
		return false
	}
	_, ptr := s.Obj().Type().(*types.Signature).Recv().Type().(*types.Pointer)
	return ptr
}

// rootVar returns the variable an lvalue or addressed expression writes
// into (xs for xs, xs[i], xs[i].f, (*xs)), or nil.
func rootVar(pass *analysis.Pass, e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := pass.TypesInfo.ObjectOf(x).(*types.Var)
			return v
		case *ast.IndexExpr:
			e = x.X
		case *ast.SelectorExpr:
			if v, ok := pass.TypesInfo.Uses[x.Sel].(*types.Var); ok && !v.IsField() {
				return v // pkg.Var
			}
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// importedList reports whether the selector names another package's
// variable that is a list written in its source.
func importedList(pass *analysis.Pass, sel *ast.SelectorExpr) bool {
	v, ok := pass.TypesInfo.Uses[sel.Sel].(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Pkg() == pass.Pkg {
		return false
	}
	return pass.ImportObjectFact(v, new(ListFact))
}
