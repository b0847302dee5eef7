package sqlboiler

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/nplusonelint/nplusonelint/fixes"
)

// relationQuery is a loop's query of a relation of the element through
// its generated accessor: x.Y(mods...).All(ctx, exec) (or One, Count…).
type relationQuery struct {
	elem     ast.Expr      // x
	name     string        // Y
	accessor *ast.CallExpr // x.Y(mods...)
	finisher *ast.CallExpr // ….All(ctx, exec)
	owner    *types.Named  // x's model
	many     bool          // x.R.Y is a slice: a to-many relation
}

// parseRelationQuery recognises the loop's call as the finisher of a
// relation accessor of a generated model: a method of the model whose
// name is a field of the model's R struct (postR.Comments), and which
// the model's L struct can eager-load (postL.LoadComments).
func parseRelationQuery(s fixes.Site) (relationQuery, bool) {
	if s.Call == nil {
		return relationQuery{}, false
	}
	info := s.Pass.TypesInfo
	sel, ok := ast.Unparen(s.Call.Fun).(*ast.SelectorExpr)
	if !ok {
		return relationQuery{}, false
	}
	acc, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok {
		return relationQuery{}, false
	}
	asel, ok := ast.Unparen(acc.Fun).(*ast.SelectorExpr)
	if !ok {
		return relationQuery{}, false
	}
	fn, ok := typeutil.Callee(info, acc).(*types.Func)
	if !ok || fn.Pkg() == nil || !isGeneratedPackage(fn.Pkg()) || fn.Signature().Recv() == nil {
		return relationQuery{}, false
	}
	owner, ok := fixes.DerefNamed(fn.Signature().Recv().Type()).(*types.Named)
	if !ok {
		return relationQuery{}, false
	}
	loaded := relField(owner, fn.Name())
	if loaded == nil || !canLoad(owner, fn.Name()) {
		return relationQuery{}, false
	}
	_, many := loaded.Type().Underlying().(*types.Slice)
	return relationQuery{elem: asel.X, name: fn.Name(), accessor: acc, finisher: s.Call, owner: owner, many: many}, true
}

// relField returns the field name of the model's R struct (*postR), or nil.
func relField(model *types.Named, name string) *types.Var {
	r := fixes.StructField(model, "R")
	if r == nil {
		return nil
	}
	rn, ok := fixes.DerefNamed(r.Type()).(*types.Named)
	if !ok {
		return nil
	}
	return fixes.StructField(rn, name)
}

// canLoad reports whether the model's L struct has the eager loader of the
// relation (LoadComments), the method qm.Load("Comments") calls.
func canLoad(model *types.Named, name string) bool {
	l := fixes.StructField(model, "L")
	if l == nil {
		return false
	}
	ln, ok := fixes.DerefNamed(l.Type()).(*types.Named)
	if !ok {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(ln, true, ln.Obj().Pkg(), "Load"+name)
	_, ok = obj.(*types.Func)
	return ok
}

// outerLoop is the loop a nested loop's collection belongs to.
type outerLoop struct {
	loop  *ast.RangeStmt
	elem  *types.Var   // u in for _, u := range users
	model *types.Named // u's model
}

// nestedIn returns the enclosing range over s.Outer whose value u holds
// the collection s ranges over, u.R.X, and X.
func nestedIn(s fixes.Site) (outerLoop, string, bool) {
	info := s.Pass.TypesInfo
	root, fields := fixes.FieldPath(s.Collection)
	id, ok := root.(*ast.Ident)
	if !ok || len(fields) != 2 || fields[0] != "R" {
		return outerLoop{}, "", false
	}
	u, _ := info.Uses[id].(*types.Var)
	for _, n := range s.Ancestors(s.Loop) {
		if _, ok := n.(*ast.FuncLit); ok {
			break
		}
		rng, ok := n.(*ast.RangeStmt)
		if !ok || rng.Value == nil || types.ExprString(rng.X) != types.ExprString(s.Outer) {
			continue
		}
		if v, _ := info.Defs[identOf(rng.Value)].(*types.Var); v == nil || v != u {
			return outerLoop{}, "", false
		}
		model, ok := fixes.DerefNamed(u.Type()).(*types.Named)
		if !ok || relField(model, fields[1]) == nil || !canLoad(model, fields[1]) {
			return outerLoop{}, "", false
		}
		return outerLoop{loop: rng, elem: u, model: model}, fields[1], true
	}
	return outerLoop{}, "", false
}
