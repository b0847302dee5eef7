package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// findBodies finds the functions of the package that run once per element
// of a collection although they hold no loop: range-over-func bodies,
// closures passed to a callee whose CallbackFact says it calls them once per
// element of another argument (lo.ForEach(posts, func…)), and row hooks
// (GORM's AfterFind), which the library calls once per loaded row, and
// closures a library calls once per row of a query's result (xorm's
// Iterate, pgx.ForEachRow).
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
				if !ok {
					continue
				}
				obj := calleeObject(call.Common())
				if obj == nil {
					continue
				}
				fact, ok := callbackFact(pass, sx.reg, obj)
				if !ok || len(fact.Each) == 0 {
					continue
				}
				offset := 0
				if isStaticMethodCall(call.Common()) {
					offset = 1
				}
				expr := sx.callAt(call.Pos())
				if expr == nil {
					continue
				}
				args := call.Common().Args
				for _, e := range fact.Each {
					if e.Func+offset >= len(args) {
						continue
					}
					body, bindings := argFuncValue(args[e.Func+offset])
					// Closures only: named functions and method values are
					// loops at the call (see valueReach).
					if body == nil || body.Parent() == nil || body.Pkg != ssapkg {
						continue
					}
					l := eachLoop(sx, obj, expr, e)
					if l == nil {
						continue
					}
					if rc, ok := sx.reg.RowCallback(obj); ok && rc.Scans > 0 && rc.Scans-1+offset < len(args) {
						l.perRow = scannedFreeVars(body, bindings, args[rc.Scans-1+offset])
					}
					bodies[body] = l
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

// eachLoop returns the loop a call makes of the function it calls once
// per element as e says: over argument e.Over, or, for a library call
// running its function once per row of its own query (e.Over -1), over
// those rows. Nil when what it iterates is not data.
func eachLoop(sx *syntax, obj *types.Func, expr *ast.CallExpr, e EachParam) *loop {
	coll := ast.Expr(expr)
	if e.Over >= 0 {
		if e.Over >= len(expr.Args) {
			return nil
		}
		coll = expr.Args[e.Over]
	}
	if !isData(sx, coll) {
		return nil
	}
	l := &loop{node: expr, collection: coll}
	if _, ok := sx.reg.RowCallback(obj); ok || e.Over < 0 {
		l.rows = funcName(obj)
	}
	return l
}

// scannedFreeVars returns the free variables of a closure that hold what
// a library scans each row into before calling it: those bound to a
// variable that scans, a slice literal of pointers ([]any{&id, &p.Name}),
// points into.
func scannedFreeVars(fn *ssa.Function, bindings []ssa.Value, scans ssa.Value) []*ssa.FreeVar {
	arr := root(scans)
	if arr == nil {
		return nil
	}
	targets := map[ssa.Value]bool{}
	for _, b := range scans.Parent().Blocks {
		for _, instr := range b.Instrs {
			if st, ok := instr.(*ssa.Store); ok && root(st.Addr) == arr {
				targets[pointee(st.Val)] = true
			}
		}
	}
	var out []*ssa.FreeVar
	for j, b := range bindings {
		if j < len(fn.FreeVars) && targets[b] {
			out = append(out, fn.FreeVars[j])
		}
	}
	return out
}

// pointee returns the variable a pointer points into: v for &v, &v.F and
// &v[i], and for &p.F, p a captured pointer variable, p's variable.
func pointee(v ssa.Value) ssa.Value {
	for i := 0; i < 16; i++ {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.IndexAddr:
			v = x.X
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return v
			}
			v = x.X
		default:
			return v
		}
	}
	return v
}
