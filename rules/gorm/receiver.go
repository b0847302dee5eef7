package gorm

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/nplusonelint/nplusonelint/fixes"
)

// plainReceivers are the methods that give a *gorm.DB no conditions:
// a transaction, a new session, logging.
var plainReceivers = map[string]bool{"Begin": true, "New": true, "Debug": true, "LogMode": true}

// plainReceiver reports whether call's chain starts from a *gorm.DB that
// carries no conditions: a parameter, field or package variable (taken
// as plain, as cleanRoot does), or a local variable written once, from
// a call of something else (common.GetDB()) or from plain methods
// (db.Begin()) on such a receiver, depth levels deep at most.
func (s site) plainReceiver(call ast.Expr, depth int) bool {
	info := s.Pass.TypesInfo
	links, root := s.d.chain(info, ast.Unparen(call).(*ast.CallExpr))
	if len(links) == 0 {
		return true // not the library's: a function returning a handle
	}
	if call != ast.Expr(s.Call) {
		for _, l := range links {
			if !plainReceivers[l.Name] {
				return false
			}
		}
	}
	if s.cleanRoot(root) {
		return true
	}
	id, ok := ast.Unparen(root).(*ast.Ident)
	if !ok || depth == 0 {
		return false
	}
	v, _ := info.Uses[id].(*types.Var)
	value, ok := s.onlyValue(v)
	if !ok {
		return false
	}
	c, ok := ast.Unparen(value).(*ast.CallExpr)
	return ok && s.plainReceiver(c, depth-1)
}

// onlyValue returns the one value a local variable of the loop's function
// is given: its declaration's or its one assignment's, when nothing else
// writes it or takes its address.
func (s site) onlyValue(v *types.Var) (ast.Expr, bool) {
	if v == nil || !fixes.DeclaredIn(v, s.FuncOf(s.Loop)) {
		return nil, false
	}
	info := s.Pass.TypesInfo
	var value ast.Expr
	n := 0
	ast.Inspect(s.FuncOf(s.Loop), func(node ast.Node) bool {
		switch node := node.(type) {
		case *ast.AssignStmt:
			for i, l := range node.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.ObjectOf(id) == v {
					n++
					if len(node.Rhs) == len(node.Lhs) {
						value = node.Rhs[i]
					}
				}
			}
		case *ast.ValueSpec:
			for i, id := range node.Names {
				if info.Defs[id] == v && len(node.Values) == len(node.Names) {
					n++
					value = node.Values[i]
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(node.X).(*ast.Ident); ok && node.Op == token.AND && info.Uses[id] == v {
				n++
			}
		}
		return true
	})
	return value, n == 1 && value != nil
}
