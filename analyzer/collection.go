package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/nplusonelint/nplusonelint/rules"
)

// classify decides whether a for or range statement iterates over a
// collection and returns its loop, or nil. Collections: slices, arrays and
// maps that are not literal lists, an int bounded by a length, counted for
// loops bounded by a length, and cursors (for rows.Next()). Not collections:
// channels, strings, for {} and other condition loops, constant bounds.
func classify(sx *syntax, stmt ast.Stmt) *loop {
	pass := sx.pass
	switch s := stmt.(type) {
	case *ast.RangeStmt:
		t := typeOf(pass, s.X).Underlying()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem().Underlying()
		}
		switch t.(type) {
		case *types.Slice, *types.Array, *types.Map:
			return dataLoop(sx, s, s.X)
		case *types.Basic:
			if x := lenArg(sx, s.X); x != nil {
				return dataLoop(sx, s, x)
			}
		}
	case *ast.ForStmt:
		if call, ok := ast.Unparen(s.Cond).(*ast.CallExpr); ok {
			if recv := cursorOf(pass, call); recv != nil {
				return &loop{node: s, collection: recv, cursor: call.Lparen}
			}
			return nil
		}
		if bin, ok := ast.Unparen(s.Cond).(*ast.BinaryExpr); ok {
			switch bin.Op {
			case token.LSS, token.LEQ, token.GTR, token.GEQ, token.NEQ:
				for _, side := range []ast.Expr{bin.X, bin.Y} {
					if x := lenArg(sx, side); x != nil {
						return dataLoop(sx, s, x)
					}
				}
				// for i := len(xs) - 1; i >= 0; i--
				if init, ok := s.Init.(*ast.AssignStmt); ok && len(init.Rhs) == 1 {
					if x := lenArg(sx, init.Rhs[0]); x != nil {
						return dataLoop(sx, s, x)
					}
				}
			}
		}
	}
	return nil
}

// dataLoop returns the loop over collection x, unless x is not data.
func dataLoop(sx *syntax, stmt ast.Stmt, x ast.Expr) *loop {
	if !isData(sx, x) {
		return nil
	}
	return &loop{node: stmt, collection: x}
}

// isData reports whether iterating x iterates data: not a literal list
// written in the source, nor a list of connections and components.
func isData(sx *syntax, x ast.Expr) bool {
	return !isLiteralList(sx, x) && !holdsHandles(sx.reg, typeOf(sx.pass, x))
}

// holdsHandles reports whether the elements of a collection of type t are
// data-library handles (shards, connections) or structs holding one
// (repositories, services): a loop over them fans out, it is no N+1.
func holdsHandles(reg *rules.Registry, t types.Type) bool {
	var elem types.Type
	switch u := t.Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
	case *types.Array:
		elem = u.Elem()
	case *types.Map:
		elem = u.Elem()
	case *types.Pointer:
		if a, ok := u.Elem().Underlying().(*types.Array); ok {
			elem = a.Elem()
		}
	}
	if elem == nil {
		return false
	}
	if reg.IsHandle(elem) {
		return true
	}
	if p, ok := elem.Underlying().(*types.Pointer); ok {
		elem = p.Elem()
	}
	if st, ok := elem.Underlying().(*types.Struct); ok {
		for i := 0; i < st.NumFields(); i++ {
			if reg.IsHandle(st.Field(i).Type()) {
				return true
			}
		}
	}
	return false
}

// cursorOf returns x when call is x.Next() on a result cursor: a Next
// method without arguments returning bool, on a type that also has Scan.
func cursorOf(pass *analysis.Pass, call *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Next" || len(call.Args) != 0 {
		return nil
	}
	fn, ok := pass.TypesInfo.Uses[sel.Sel].(*types.Func)
	if !ok {
		return nil
	}
	sig := fn.Type().(*types.Signature)
	if sig.Results().Len() != 1 || !types.Identical(sig.Results().At(0).Type(), types.Typ[types.Bool]) {
		return nil
	}
	t := typeOf(pass, sel.X)
	for _, tt := range []types.Type{t, types.NewPointer(t)} {
		if obj, _, _ := types.LookupFieldOrMethod(tt, true, fn.Pkg(), "Scan"); obj != nil {
			return sel.X
		}
	}
	return nil
}

// lenArg returns xs when e is len(xs), len(xs)-k, or a local variable
// defined as one of those.
func lenArg(sx *syntax, e ast.Expr) ast.Expr {
	pass := sx.pass
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok && len(e.Args) == 1 {
			if b, ok := pass.TypesInfo.Uses[id].(*types.Builtin); ok && b.Name() == "len" {
				return e.Args[0]
			}
		}
	case *ast.BinaryExpr:
		if e.Op == token.SUB || e.Op == token.ADD {
			return lenArg(sx, e.X)
		}
	case *ast.Ident:
		if v, ok := pass.TypesInfo.Uses[e].(*types.Var); ok {
			if def, only := sx.definition(v); def != nil && only {
				return lenArg(sx, def)
			}
		}
	}
	return nil
}

// isLiteralList reports whether e is a composite literal, or a variable
// only ever assigned such lists (a literal, extended with constants or
// literals), or another package's variable with a ListFact: a fixed list
// written in the source (models to migrate, statements to run), not data.
func isLiteralList(sx *syntax, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return true
	case *ast.Ident:
		if v, ok := sx.pass.TypesInfo.Uses[e].(*types.Var); ok {
			return sx.literalList(v)
		}
	case *ast.SelectorExpr:
		return importedList(sx.pass, e)
	}
	return false
}

// fileOf returns the file of the package holding pos.
func fileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// enclosingDecl returns the top-level declaration holding pos (a file's
// declarations are in source order).
func enclosingDecl(file *ast.File, pos token.Pos) ast.Decl {
	i := sort.Search(len(file.Decls), func(i int) bool { return file.Decls[i].End() > pos })
	if i < len(file.Decls) && file.Decls[i].Pos() <= pos {
		return file.Decls[i]
	}
	return nil
}
