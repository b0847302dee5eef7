package sqlboiler

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// qmPath is the import path of sqlboiler's query mods.
const qmPath = runtimePath + "/queries/qm"

// carriedMods are the query mods a relation's eager load applies as the
// relation's own query did: conditions joined with AND (each in its own
// parentheses) and an order, which the eager query keeps within each
// element's rows.
var carriedMods = map[string]bool{"Where": true, "And": true, "WhereIn": true, "OrderBy": true}

// whereOps are the generated where helpers' comparisons
// (models.CommentWhere.Approved.EQ(true)).
var whereOps = map[string]bool{"EQ": true, "NEQ": true, "LT": true, "LTE": true, "GT": true, "GTE": true, "IN": true, "NIN": true, "IsNull": true, "IsNotNull": true}

// carriedMod reports whether the mod m of the loop's accessor means the
// same in the eager load: a qm condition or order, or a generated where
// helper's comparison, of constant arguments.
func carriedMod(info *types.Info, m ast.Expr) bool {
	call, ok := ast.Unparen(m).(*ast.CallExpr)
	if !ok || call.Ellipsis.IsValid() {
		return false
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	switch {
	case fn.Pkg().Path() == qmPath && fn.Signature().Recv() == nil && carriedMods[fn.Name()]:
	case isGeneratedPackage(fn.Pkg()) && fn.Signature().Recv() != nil && strings.HasPrefix(rules.RecvName(fn.Signature()), "whereHelper") && whereOps[fn.Name()]:
		if !generatedVar(info, ast.Unparen(call.Fun).(*ast.SelectorExpr).X) {
			return false
		}
	default:
		return false
	}
	for _, a := range call.Args {
		if !fixes.IsConstant(info, a) {
			return false
		}
	}
	return true
}

// generatedVar reports whether e selects fields of a package-level
// variable of a generated package (models.CommentWhere.Approved).
func generatedVar(info *types.Info, e ast.Expr) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return isPkgVar(info.Uses[x])
		case *ast.SelectorExpr:
			if isPkgVar(info.Uses[x.Sel]) {
				return true
			}
			e = x.X
		default:
			return false
		}
	}
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

func isPkgVar(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() && isGeneratedPackage(v.Pkg())
}

// takesMods reports whether a signature ends in ...qm.QueryMod.
func takesMods(sig *types.Signature) bool {
	if !sig.Variadic() {
		return false
	}
	last := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice).Elem()
	n, ok := types.Unalias(last).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == qmPath && n.Obj().Name() == "QueryMod"
}

// loads returns the relation path the mod m loads when it starts with
// the relation first ("" when it loads another one or is no qm.Load), or
// "?" for a path it cannot read: a qm.Load of a string constant or of a
// generated XRels field.
func loads(info *types.Info, m ast.Expr, first string) string {
	call, ok := ast.Unparen(m).(*ast.CallExpr)
	if !ok {
		return ""
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != qmPath || fn.Name() != "Load" || len(call.Args) == 0 {
		return ""
	}
	path, ok := fixes.StringConst(info, call.Args[0])
	if sel, isSel := ast.Unparen(call.Args[0]).(*ast.SelectorExpr); !ok && isSel && strings.HasSuffix(types.ExprString(sel.X), "Rels") {
		path, ok = sel.Sel.Name, true
	}
	if !ok {
		return "?"
	}
	if head, _, _ := strings.Cut(path, "."); head != first {
		return ""
	}
	return path
}

func sameVar(info *types.Info, a, b ast.Expr) bool {
	x, y := identOf(a), identOf(b)
	return x != nil && y != nil && info.ObjectOf(x) != nil && info.ObjectOf(x) == info.ObjectOf(y)
}
