package analyzer

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// findBodies finds the functions of the package that run once per element
// of a collection although they hold no loop: range-over-func bodies,
// closures passed to a callee whose CallbackFact says it calls them once per
// element of another argument (lo.ForEach(posts, func…)), and row hooks
// (GORM's AfterFind), which the library calls once per loaded row.
func findBodies(sx *syntax, ssapkg *ssa.Package, funcs []*ssa.Function) map[*ssa.Function]*loop {
	pass := sx.pass
	bodies := map[*ssa.Function]*loop{}
	for _, fn := range funcs {
		if obj := funcObject(fn); obj != nil && fn.Syntax() != nil {
			if lib, hook := sx.reg.RowHook(obj); hook != "" {
				bodies[fn] = &loop{node: fn.Syntax(), hook: hook, hookLib: lib}
			}
		}
		if rng, ok := fn.Syntax().(*ast.RangeStmt); ok && fn.Synthetic == "range-over-func yield" {
			x := iterSource(pass, rng.X)
			if isData(sx, x) {
				bodies[fn] = &loop{node: rng, collection: x}
			}
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok || call.Common().IsInvoke() || call.Common().StaticCallee() == nil {
					continue
				}
				obj := funcObject(call.Common().StaticCallee())
				if obj == nil {
					continue
				}
				fact, ok := callbackFact(pass, sx.reg, obj)
				if !ok || len(fact.Each) == 0 {
					continue
				}
				offset := 0
				if obj.Type().(*types.Signature).Recv() != nil {
					offset = 1
				}
				expr := sx.callAt(call.Pos())
				if expr == nil {
					continue
				}
				for _, e := range fact.Each {
					if e.Func+offset >= len(call.Common().Args) || e.Over >= len(expr.Args) {
						continue
					}
					body, _ := funcValue(call.Common().Args[e.Func+offset])
					// Closures only: named functions and method values are
					// loops at the call (see valueReach).
					if body == nil || body.Parent() == nil || body.Pkg != ssapkg || !isData(sx, expr.Args[e.Over]) {
						continue
					}
					bodies[body] = &loop{node: expr, collection: expr.Args[e.Over]}
				}
			}
		}
	}
	return bodies
}

// iterSource returns what an iterator expression iterates: xs for
// slices.Values(xs), maps.Keys(m) and the like, else the expression.
func iterSource(pass *analysis.Pass, x ast.Expr) ast.Expr {
	if call, ok := ast.Unparen(x).(*ast.CallExpr); ok && len(call.Args) >= 1 {
		switch typeOf(pass, call.Args[0]).Underlying().(type) {
		case *types.Slice, *types.Map, *types.Array:
			return call.Args[0]
		}
	}
	return x
}
