package fixes

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// The checks a fix that moves a per-element write out of its loop (one
// bulk insert, one batch of statements) needs, whatever the library: the
// write is the iteration's last act, the iteration leaves only by
// continue, nothing else in it may query, its error check is the loop's
// only way out, and what moves after the loop means the same there.

// LastInIteration reports whether stmt is the last statement its
// iteration runs: last of its block, and of each enclosing block up to
// the loop body, through if statements only.
func (s Site) LastInIteration(stmt ast.Stmt) bool {
	body := LoopBody(s.Loop)
	var child ast.Node = stmt
	for _, n := range s.Ancestors(stmt) {
		switch n := n.(type) {
		case *ast.BlockStmt:
			if len(n.List) == 0 || n.List[len(n.List)-1] != child {
				return false
			}
			if n == body {
				return true
			}
		case *ast.IfStmt:
			if child == n.Init || child == n.Cond {
				return false
			}
		default:
			return false
		}
		child = n
	}
	return false
}

// LeavesOnlyByContinue reports whether every iteration reaches its end or
// a plain continue: outside function literals, the loop body has no
// return (but in stmt, which moves out of the loop), and no branch
// statement but continue (none in stmt).
func (s Site) LeavesOnlyByContinue(stmt ast.Stmt) bool {
	ok := true
	ast.Inspect(LoopBody(s.Loop), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			ok = ok && stmt.Pos() <= n.Pos() && n.End() <= stmt.End()
		case *ast.BranchStmt:
			inStmt := stmt.Pos() <= n.Pos() && n.End() <= stmt.End()
			ok = ok && !inStmt && n.Tok == token.CONTINUE && n.Label == nil
		}
		return ok
	})
	return ok
}

// MentionsIteration reports whether n refers to a variable declared in the
// loop outside stmt (stmt's own, such as err, move with it).
func (s Site) MentionsIteration(n ast.Node, stmt ast.Stmt) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		if id, ok := x.(*ast.Ident); ok {
			if v, ok := s.Pass.TypesInfo.Uses[id].(*types.Var); ok && DeclaredIn(v, s.Loop) && !DeclaredIn(v, stmt) {
				found = true
			}
		}
		return !found
	})
	return found
}

// MayQuery reports whether call may run a query: any call but builtins,
// conversions and the standard library's functions (database/sql aside,
// and the methods of interfaces, which any implementation may answer).
func MayQuery(info *types.Info, call *ast.CallExpr) bool {
	if tv, ok := info.Types[call.Fun]; ok && (tv.IsType() || tv.IsBuiltin()) {
		return false
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || !StandardLibrary(fn.Pkg().Path()) {
		return true
	}
	sig, _ := fn.Type().(*types.Signature)
	return sig != nil && sig.Recv() != nil && types.IsInterface(sig.Recv().Type())
}

// StandardLibrary reports whether path is a standard library package that
// cannot reach a database.
func StandardLibrary(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") && path != "database/sql" && !strings.HasPrefix(path, "database/sql/")
}

// MayQueryElsewhere reports whether body calls anything, outside the
// site's own query, that may run a query (MayQuery; the arguments of the
// site's call count). A read there sees the rows earlier iterations
// wrote (find or count by key, create when missing), and a write there is
// seen by later iterations' reads; a query moved out of the loop changes
// both.
func (s Site) MayQueryElsewhere(body *ast.BlockStmt) bool {
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		if call == s.Call { // its chain is the write; its arguments count
			for _, a := range call.Args {
				found = found || s.MayQueryElsewhere(&ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: a}}})
			}
			return false
		}
		if MayQuery(s.Pass.TypesInfo, call) {
			found = true
			return false
		}
		return true
	})
	return found
}

// Invariant reports whether e (an identifier or a field selection on one)
// is the same in every iteration: nothing it names is declared in the loop
// or assigned there.
func Invariant(info *types.Info, e ast.Expr, loop ast.Stmt) bool {
	var root *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		root = x
	case *ast.SelectorExpr:
		id, ok := ast.Unparen(x.X).(*ast.Ident)
		if !ok {
			return false
		}
		root = id
	default:
		return false
	}
	obj := info.Uses[root]
	if obj == nil || DeclaredIn(obj, loop) {
		return false
	}
	assigned := false
	ast.Inspect(LoopBody(loop), func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return !assigned
		}
		for _, l := range as.Lhs {
			if IsIdentOf(info, l, obj) {
				assigned = true
			}
		}
		return !assigned
	})
	return !assigned
}

// ExecStatement matches st with a call returning (result, error): a bare
// call or `_, _ =` (errors ignored: ret is nil), or
// `if _, err := call; err != nil { return … }` whose return uses nothing
// declared in the loop but err. It returns the error's name and the return.
func ExecStatement(info *types.Info, st ast.Stmt, call *ast.CallExpr, loop ast.Node) (string, *ast.ReturnStmt, bool) {
	switch st := st.(type) {
	case *ast.ExprStmt:
		return "", nil, ast.Unparen(st.X) == call
	case *ast.AssignStmt:
		return "", nil, len(st.Rhs) == 1 && ast.Unparen(st.Rhs[0]) == call && Blanks(st.Lhs...)
	case *ast.IfStmt:
		init, ok := st.Init.(*ast.AssignStmt)
		if !ok || init.Tok != token.DEFINE || len(init.Lhs) != 2 || len(init.Rhs) != 1 || ast.Unparen(init.Rhs[0]) != call || !Blanks(init.Lhs[0]) || st.Else != nil {
			return "", nil, false
		}
		errID, ok := init.Lhs[1].(*ast.Ident)
		if !ok || errID.Name == "_" {
			return "", nil, false
		}
		errObj := info.Defs[errID]
		cond, ok := ast.Unparen(st.Cond).(*ast.BinaryExpr)
		if !ok || cond.Op != token.NEQ || !IsIdentOf(info, cond.X, errObj) || !isNil(info, cond.Y) {
			return "", nil, false
		}
		if len(st.Body.List) != 1 {
			return "", nil, false
		}
		ret, ok := st.Body.List[0].(*ast.ReturnStmt)
		if !ok {
			return "", nil, false
		}
		usesIteration := false
		ast.Inspect(ret, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if obj := info.Uses[id]; obj != errObj && DeclaredIn(obj, loop) {
					usesIteration = true
				}
			}
			return !usesIteration
		})
		return errID.Name, ret, !usesIteration
	}
	return "", nil, false
}

// StopsLoop reports whether an error check ends its iteration's loop: its
// body ends in a return (the only exit LeavesOnlyByContinue lets it have).
func StopsLoop(ifs *ast.IfStmt) bool {
	n := len(ifs.Body.List)
	if n == 0 {
		return false
	}
	_, ok := ifs.Body.List[n-1].(*ast.ReturnStmt)
	return ok
}

// InTransaction reports whether the failing write's return rolls back the
// rows written before it: the loop is the body of a function literal
// passed as the last argument of a call isTx accepts (a library's
// "run this in a transaction" method, which rolls back when the function
// returns an error), the write goes through one of that literal's
// parameters (recv, the root of the write's chain, is one), and the check's return ends in its
// error (or wraps it with fmt.Errorf), never nil.
func (s Site) InTransaction(recv ast.Expr, ifs *ast.IfStmt, isTx func(*types.Func) bool) bool {
	info := s.Pass.TypesInfo
	fl, ok := s.FuncOf(s.Loop).(*ast.FuncLit)
	if !ok {
		return false
	}
	path := s.Ancestors(fl)
	if len(path) == 0 {
		return false
	}
	call, ok := path[0].(*ast.CallExpr)
	if !ok || len(call.Args) == 0 || call.Args[len(call.Args)-1] != fl {
		return false
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || !isTx(fn) {
		return false
	}
	id, ok := ast.Unparen(recv).(*ast.Ident)
	if !ok || info.Uses[id] == nil || !isParam(info, fl, info.Uses[id]) {
		return false
	}
	ret := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt)
	if len(ret.Results) == 0 {
		return false
	}
	var errVar types.Object
	if as, ok := ifs.Init.(*ast.AssignStmt); ok {
		errVar = info.Defs[as.Lhs[len(as.Lhs)-1].(*ast.Ident)]
	}
	switch r := ast.Unparen(ret.Results[len(ret.Results)-1]).(type) {
	case *ast.Ident:
		return errVar != nil && info.Uses[r] == errVar
	case *ast.CallExpr:
		f, _ := typeutil.Callee(info, r).(*types.Func)
		return f != nil && f.Pkg() != nil && f.Pkg().Path() == "fmt" && f.Name() == "Errorf"
	}
	return false
}

// isParam reports whether obj is a parameter of fl.
func isParam(info *types.Info, fl *ast.FuncLit, obj types.Object) bool {
	for _, f := range fl.Type.Params.List {
		for _, n := range f.Names {
			if info.Defs[n] == obj {
				return true
			}
		}
	}
	return false
}

// DistinctRow returns the model a write's argument points to when every
// iteration passes a different row: &T{…}, &v with v declared in the
// iteration (Go 1.22 gives range variables one per iteration), or the
// element itself (&items[i]).
func (s Site) DistinctRow(arg ast.Expr) (*types.Named, bool) {
	u, ok := ast.Unparen(arg).(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return nil, false
	}
	t, _ := s.Pass.TypesInfo.TypeOf(u.X).(*types.Named)
	if t == nil {
		return nil, false
	}
	if _, ok := t.Underlying().(*types.Struct); !ok {
		return nil, false
	}
	switch x := ast.Unparen(u.X).(type) {
	case *ast.CompositeLit:
		return t, x.Type != nil
	case *ast.Ident:
		v, ok := s.Pass.TypesInfo.Uses[x].(*types.Var)
		if !ok || !DeclaredIn(v, s.Loop) {
			return nil, false
		}
		if rng, isRange := s.Loop.(*ast.RangeStmt); isRange && v.Pos() < rng.Body.Pos() && !s.perIterationVars() {
			return nil, false
		}
		return t, true
	case *ast.IndexExpr:
		return t, s.ElementOf(x) != nil
	}
	return nil, false
}

// perIterationVars reports whether the file gets a new range variable per
// iteration (Go 1.22 and later).
func (s Site) perIterationVars() bool {
	v := s.Pass.TypesInfo.FileVersions[s.File]
	return v == "" || v >= "go1.22"
}

// Blanks reports whether every expression is the blank identifier.
func Blanks(es ...ast.Expr) bool {
	for _, e := range es {
		if id, ok := e.(*ast.Ident); !ok || id.Name != "_" {
			return false
		}
	}
	return true
}

// IsIdentOf reports whether e names obj.
func IsIdentOf(info *types.Info, e ast.Expr, obj types.Object) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && obj != nil && info.ObjectOf(id) == obj
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}
