package analyzer

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/nplusonelint/nplusonelint/rules"
)

// exportCallbackFacts records, for every function with a function-typed
// parameter, which of those parameters it calls and which it calls once per
// element of another parameter (lo.ForEach, slices.IndexFunc, a hand-written
// each). It reads only syntax and types, so it is cheap enough to run on
// every package; the SSA part of the analysis uses the facts to follow
// closures passed to such functions.
func exportCallbackFacts(pass *analysis.Pass, reg *rules.Registry) {
	var candidates []*ast.FuncDecl
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Body != nil && hasFuncParam(pass, fd) {
				candidates = append(candidates, fd)
			}
		}
	}
	// Same-package delegation (f passed on to another local function that
	// calls it) needs the callee's fact first: iterate to a fixed point,
	// when there is such delegation.
	for again, round := true, 0; again && round < 4; round++ {
		again = false
		for _, fd := range candidates {
			changed, local := callbackScan(pass, reg, fd)
			again = again || changed && local
		}
	}
}

// hasFuncParam reports whether fd has a function-typed parameter.
func hasFuncParam(pass *analysis.Pass, fd *ast.FuncDecl) bool {
	if fd.Type.Params.NumFields() == 0 {
		return false
	}
	obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok {
		return false
	}
	params := obj.Type().(*types.Signature).Params()
	for i := 0; i < params.Len(); i++ {
		if _, ok := params.At(i).Type().Underlying().(*types.Signature); ok {
			return true
		}
	}
	return false
}

// callbackScan computes and exports the CallbackFact of fd; it reports
// whether the fact changed, and whether fd passes a function parameter on
// to a function of its own package.
func callbackScan(pass *analysis.Pass, reg *rules.Registry, fd *ast.FuncDecl) (changed, local bool) {
	obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok {
		return false, false
	}
	sig := obj.Type().(*types.Signature)
	index := map[types.Object]int{}
	for i := 0; i < sig.Params().Len(); i++ {
		index[sig.Params().At(i)] = i
	}
	fact := &CallbackFact{}
	paramOf := func(e ast.Expr) (int, bool) {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return 0, false
		}
		i, ok := index[pass.TypesInfo.Uses[id]]
		return i, ok
	}
	var over []int // collection parameters of the enclosing loops
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // a stored closure may never run; one called (go, defer, ()) is entered below
		case *ast.RangeStmt:
			if i, ok := paramOf(n.X); ok {
				over = append(over, i)
				ast.Inspect(n.Body, visit)
				over = over[:len(over)-1]
				return false
			}
		case *ast.CallExpr:
			if lit, ok := ast.Unparen(n.Fun).(*ast.FuncLit); ok { // func(){…}()
				ast.Inspect(lit.Body, visit)
			}
			// A literal passed to a function that calls it runs too
			// (db.Transaction(func(tx) error { return fn(tx) })).
			for _, lit := range calledLiterals(pass, reg, n) {
				ast.Inspect(lit.Body, visit)
			}
			var called []int
			if i, ok := paramOf(n.Fun); ok {
				called = append(called, i)
			}
			to, perRow, isLocal := delegated(pass, reg, n, paramOf)
			called = append(called, to...)
			local = local || isLocal
			for _, i := range called {
				fact.Calls |= 1 << i
				for _, o := range over {
					fact.Each = appendEach(fact.Each, EachParam{Func: i, Over: o})
				}
			}
			// Handed to a call that runs it once per row of its query
			// (sess.Iterate(bean, fn)): so does this function.
			for _, i := range perRow {
				fact.Each = appendEach(fact.Each, EachParam{Func: i, Over: -1})
			}
		}
		return true
	}
	ast.Inspect(fd.Body, visit)
	if fact.Calls == 0 {
		return false, local
	}
	var old CallbackFact
	if pass.ImportObjectFact(obj, &old) && old.Calls == fact.Calls && len(old.Each) == len(fact.Each) {
		return false, local
	}
	pass.ExportObjectFact(obj, fact)
	return true, local
}

// delegated returns the parameters of the enclosing function that call
// passes to a function known (by its CallbackFact) to call them, those of
// them it calls once per row of the query it runs, and whether call passes
// one to a function of this package (whose fact may be computed later).
func delegated(pass *analysis.Pass, reg *rules.Registry, call *ast.CallExpr, paramOf func(ast.Expr) (int, bool)) (calls, perRow []int, local bool) {
	passes := false
	for _, a := range call.Args {
		if _, ok := paramOf(a); ok {
			passes = true
		}
	}
	if !passes {
		return nil, nil, false
	}
	callee, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok {
		return nil, nil, false
	}
	local = callee.Pkg() == pass.Pkg
	fact, ok := callbackFact(pass, reg, callee)
	if !ok {
		return nil, nil, local
	}
	for j, a := range call.Args {
		i, ok := paramOf(a)
		if !ok || j >= 64 || fact.Calls&(1<<j) == 0 {
			continue
		}
		calls = append(calls, i)
		if slices.Contains(fact.Each, EachParam{Func: j, Over: -1}) {
			perRow = append(perRow, i)
		}
	}
	return calls, perRow, local
}

// calledLiterals returns the function literals call passes to a function
// known (by its CallbackFact) to call them.
func calledLiterals(pass *analysis.Pass, reg *rules.Registry, call *ast.CallExpr) []*ast.FuncLit {
	var lits []*ast.FuncLit
	for _, a := range call.Args {
		if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok {
			lits = append(lits, lit)
		}
	}
	if len(lits) == 0 {
		return nil
	}
	callee, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok {
		return nil
	}
	fact, ok := callbackFact(pass, reg, callee)
	if !ok {
		return nil
	}
	lits = lits[:0]
	for j, a := range call.Args {
		if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok && j < 64 && fact.Calls&(1<<j) != 0 {
			lits = append(lits, lit)
		}
	}
	return lits
}

// callbackFact returns what is known of the function-typed parameters fn
// calls: its fact when its package was analyzed from source, else what
// the rules say: a data library's invoker (a transaction) calls each of
// them once per call; a row callback (xorm's Iterate) calls its function
// once per row; a well-known higher-order function as listed.
func callbackFact(pass *analysis.Pass, reg *rules.Registry, fn *types.Func) (CallbackFact, bool) {
	var f CallbackFact
	if pass.ImportObjectFact(fn.Origin(), &f) {
		return f, true
	}
	if reg.IsInvoker(fn) {
		params := fn.Type().(*types.Signature).Params()
		for i := 0; i < params.Len() && i < 64; i++ {
			if _, ok := params.At(i).Type().Underlying().(*types.Signature); ok {
				f.Calls |= 1 << i
			}
		}
		return f, f.Calls != 0
	}
	if rc, ok := reg.RowCallback(fn); ok && rc.Func > 0 && rc.Func <= 64 {
		f.Calls = 1 << (rc.Func - 1)
		f.Each = []EachParam{{Func: rc.Func - 1, Over: rc.Rows - 1}} // Over -1: the rows of its own query
		return f, true
	}
	h, ok := rules.LookupHigherOrder(fn)
	if !ok {
		return f, false
	}
	f.Calls = 1 << h.Func
	if h.Over >= 0 {
		f.Each = []EachParam{{Func: h.Func, Over: h.Over}}
	}
	return f, true
}

func appendEach(list []EachParam, e EachParam) []EachParam {
	for _, x := range list {
		if x == e {
			return list
		}
	}
	return append(list, e)
}
