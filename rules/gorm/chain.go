package gorm

import (
	"go/ast"
	"go/types"

	"github.com/nplusonelint/nplusonelint/fixes"
)

// chain splits a call chain of the classic *gorm.DB and *gorm.Association
// API into its calls, root first, and the expression it starts from.
func chain(info *types.Info, call *ast.CallExpr) ([]fixes.Link, ast.Expr) {
	return V2.chain(info, call)
}
