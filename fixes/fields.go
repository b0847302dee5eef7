package fixes

import (
	"go/ast"
	"go/token"
	"go/types"
)

// FieldPath splits a chain of field selections into the expression it
// starts from and the field names, outermost last (p.Author.Company → p,
// [Author Company]); a non-selector gives itself and no fields.
func FieldPath(e ast.Expr) (ast.Expr, []string) {
	var fields []string
	e = ast.Unparen(e)
	for {
		sel, ok := e.(*ast.SelectorExpr)
		if !ok {
			return e, fields
		}
		fields = append([]string{sel.Sel.Name}, fields...)
		e = ast.Unparen(sel.X)
	}
}

// Writes counts the assignments to v and the places its address is taken
// in the function holding the loop: 1 means the variable is set once, by
// its definition.
func (s Site) Writes(v *types.Var) int {
	n := 0
	ast.Inspect(s.FuncOf(s.Loop), func(node ast.Node) bool {
		switch node := node.(type) {
		case *ast.AssignStmt:
			for _, l := range node.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && s.Pass.TypesInfo.ObjectOf(id) == v {
					n++
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(node.X).(*ast.Ident); ok && node.Op == token.AND && s.Pass.TypesInfo.Uses[id] == v {
				n++
			}
		}
		return true
	})
	return n
}

// RootVars returns the variables an expression is built on (p in
// p.Author, posts and i in posts[i]).
func RootVars(info *types.Info, e ast.Expr) []types.Object {
	var out []types.Object
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok {
				out = append(out, v)
			}
		}
		return true
	})
	return out
}

// StructField returns the struct field of n with the given name, or nil.
func StructField(n *types.Named, name string) *types.Var {
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for f := range st.Fields() {
		if f.Name() == name {
			return f
		}
	}
	return nil
}
