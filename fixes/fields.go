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
