package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/nplusonelint/nplusonelint/rules"
)

// syntax is what the analysis looks up in the package's syntax about its
// variables, found in one walk of its files: lookups made per loop or per
// call then cost no walk of their own, so the cost of a package grows with
// its size, not with its size times its loops.
type syntax struct {
	pass *analysis.Pass
	reg  *rules.Registry
	ins  *inspector.Inspector
	vars map[*types.Var]*varInfo
	// calls maps each call expression's left parenthesis, the position of
	// its SSA call, to the expression.
	calls map[token.Pos]*ast.CallExpr
}

// varInfo is what a variable of the package is assigned and where it is
// read.
type varInfo struct {
	def     ast.Expr // the value it is declared or defined with, if any
	assigns int      // assignments, its declaration included, and address-takings
	// built says something other than a list written in the source was
	// assigned to it (a composite literal, or an append of constants and
	// literals to itself), or its address was taken.
	built bool
	// declared says its declaration assigns it (var or :=), unlike a
	// parameter's or a range variable's.
	declared bool
	// bases are the other variables it was appended to (a local copy of a
	// package's list, extended): it is a written list only if they are.
	bases []*types.Var
	uses  []varUse
}

// varUse is an identifier denoting the variable (other than where it is
// defined), with its parent node.
type varUse struct {
	id     *ast.Ident
	parent ast.Node
}

func newSyntax(pass *analysis.Pass, reg *rules.Registry) *syntax {
	sx := &syntax{pass: pass, reg: reg, ins: inspector.New(pass.Files), vars: map[*types.Var]*varInfo{}, calls: map[token.Pos]*ast.CallExpr{}}
	info := func(obj types.Object) *varInfo {
		v, ok := obj.(*types.Var)
		if !ok || v.Pkg() != pass.Pkg {
			return nil
		}
		vi := sx.vars[v]
		if vi == nil {
			vi = &varInfo{}
			sx.vars[v] = vi
		}
		return vi
	}
	kinds := []ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.UnaryExpr)(nil), (*ast.Ident)(nil), (*ast.CallExpr)(nil)}
	for c := range sx.ins.Root().Preorder(kinds...) {
		switch n := c.Node().(type) {
		case *ast.CallExpr:
			sx.calls[n.Lparen] = n
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				id, ok := ast.Unparen(lhs).(*ast.Ident)
				if ix, isIndex := ast.Unparen(lhs).(*ast.IndexExpr); isIndex && len(n.Rhs) == len(n.Lhs) {
					// m[k] = v fills the list: data, unless k and v are
					// written in the source.
					if x, ok := ast.Unparen(ix.X).(*ast.Ident); ok && !sx.constantOrLiteral(ix.Index, n.Rhs[i]) {
						if vi := info(pass.TypesInfo.Uses[x]); vi != nil {
							vi.built = true
						}
					}
				}
				if !ok {
					continue
				}
				def := pass.TypesInfo.Defs[id]
				vi := info(def)
				if vi == nil {
					vi = info(pass.TypesInfo.Uses[id])
				}
				if vi == nil {
					continue
				}
				vi.assigns++
				var rhs ast.Expr
				if len(n.Rhs) == len(n.Lhs) {
					rhs = n.Rhs[i]
				}
				if def != nil {
					vi.def, vi.declared = rhs, true
				}
				if n.Tok != token.DEFINE && n.Tok != token.ASSIGN || !sx.writtenList(rhs, id, vi) {
					vi.built = true
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if vi := info(pass.TypesInfo.Defs[id]); vi != nil {
					vi.assigns++
					vi.declared = true
					if len(n.Values) == len(n.Names) {
						vi.def = n.Values[i]
						vi.built = vi.built || !sx.writtenList(vi.def, id, vi)
					} else if len(n.Values) > 0 {
						vi.built = true
					}
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND {
				if vi := info(pass.TypesInfo.Uses[id]); vi != nil {
					vi.assigns++ // its address escapes: anything may be stored
					vi.built = true
				}
			}
		case *ast.Ident:
			if vi := info(pass.TypesInfo.Uses[n]); vi != nil {
				vi.uses = append(vi.uses, varUse{n, c.Parent().Node()})
			}
		}
	}
	return sx
}

// definition finds the expression a variable of this package is
// initialised with, and whether that is its only assignment.
func (sx *syntax) definition(v *types.Var) (def ast.Expr, only bool) {
	vi := sx.vars[v]
	if vi == nil {
		return nil, false
	}
	return vi.def, vi.assigns == 1
}

// constantOrLiteral reports whether every expression is written in the
// source: a constant, a composite literal, &T{…} or new(T).
func (sx *syntax) constantOrLiteral(es ...ast.Expr) bool {
	for _, e := range es {
		switch x := ast.Unparen(e).(type) {
		case *ast.CompositeLit:
			continue
		case *ast.UnaryExpr:
			if _, lit := ast.Unparen(x.X).(*ast.CompositeLit); lit && x.Op == token.AND {
				continue
			}
		case *ast.CallExpr:
			if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
				if b, ok := sx.pass.TypesInfo.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
					continue
				}
			}
		}
		if sx.pass.TypesInfo.Types[e].Value == nil {
			return false
		}
	}
	return true
}

// writtenList reports whether e, assigned to the variable named by id
// (vi), is a list written in the source: a composite literal, or an
// append of values written in the source (constantOrLiteral) to the
// variable itself or to another variable, recorded among vi's bases
// (legacy := append(tables, new(Version))).
func (sx *syntax) writtenList(e ast.Expr, id *ast.Ident, vi *varInfo) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return true
	case *ast.CallExpr:
		fn, ok := ast.Unparen(e.Fun).(*ast.Ident)
		if !ok || len(e.Args) == 0 {
			return false
		}
		if b, ok := sx.pass.TypesInfo.Uses[fn].(*types.Builtin); !ok || b.Name() != "append" {
			return false
		}
		first, ok := ast.Unparen(e.Args[0]).(*ast.Ident)
		if !ok {
			return false
		}
		base, ok := sx.pass.TypesInfo.Uses[first].(*types.Var)
		if !ok || base.Pkg() != sx.pass.Pkg {
			return false
		}
		for _, a := range e.Args[1:] {
			_, lit := ast.Unparen(a).(*ast.CompositeLit)
			if !lit && (e.Ellipsis.IsValid() || !sx.constantOrLiteral(a)) {
				return false
			}
		}
		if base != sx.pass.TypesInfo.ObjectOf(id) {
			vi.bases = append(vi.bases, base)
		}
		return true
	}
	return false
}

// literalList reports whether v is only ever assigned lists written in the
// source (models to migrate, statements to run, kinds to count): not data.
func (sx *syntax) literalList(v *types.Var) bool {
	return sx.writtenOnly(v, map[*types.Var]bool{})
}

// writtenOnly is literalList, through the variables v was appended to
// (each visited once: a cycle is no proof).
func (sx *syntax) writtenOnly(v *types.Var, seen map[*types.Var]bool) bool {
	vi := sx.vars[v]
	if vi == nil || !vi.declared || vi.built || seen[v] {
		return false
	}
	seen[v] = true
	for _, b := range vi.bases {
		if !sx.writtenOnly(b, seen) {
			return false
		}
	}
	return true
}

// callAt returns the call expression whose left parenthesis is at pos.
func (sx *syntax) callAt(pos token.Pos) *ast.CallExpr { return sx.calls[pos] }

// uses lists the identifiers reading or assigning v, with their parents.
func (sx *syntax) uses(v *types.Var) []varUse {
	if vi := sx.vars[v]; vi != nil {
		return vi.uses
	}
	return nil
}
