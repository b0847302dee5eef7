package gorm

import (
	"go/ast"
	"go/types"

	"github.com/nplusonelint/nplusonelint/fixes"
)

// chain splits a call chain of the classic *gorm.DB and *gorm.Association
// API into its calls, root first, and the expression it starts from.
func chain(info *types.Info, call *ast.CallExpr) ([]fixes.Link, ast.Expr) {
	return fixes.Chain(info, call, isGormMethod)
}

// isGormMethod reports whether fn is a method of gorm.DB or
// gorm.Association (the classic, non-generic API).
func isGormMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil || fn.Pkg() == nil || fn.Pkg().Path() != path {
		return false
	}
	named, ok := fixes.DerefNamed(recv.Type()).(*types.Named)
	return ok && (named.Obj().Name() == "DB" || named.Obj().Name() == "Association")
}
