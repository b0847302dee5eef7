package fixes

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// Site is an N+1 the analyzer found, described in syntax: the fixes work
// on it without knowing how it was found.
type Site struct {
	Pass *analysis.Pass
	File *ast.File
	// Loop is the *ast.RangeStmt or *ast.ForStmt running the query once
	// per element, Collection what it iterates.
	Loop       ast.Stmt
	Collection ast.Expr
	// Call is the library call running the query, written in the loop
	// body; nil when the loop reaches the query through a function.
	Call *ast.CallExpr
	// Origin is the call that loaded the collection, when it is known and
	// written in the same function; nil otherwise.
	Origin *ast.CallExpr
	// Outer, for a collection belonging to the element of an enclosing
	// range (p.Comments in a loop over posts), is that range's collection:
	// Origin then loaded Outer.
	Outer ast.Expr
	// Param says the collection (or Outer) is a parameter of the function.
	Param bool
}

// link is one method call of a chain (db.Where(…).Find(…)).
type link struct {
	call *ast.CallExpr
	name string
	fn   *types.Func
}

// chain splits a call chain into its calls, root first, and the
// expression the chain starts from (db in db.Where(…).Find(…)).
func chain(info *types.Info, call *ast.CallExpr) ([]link, ast.Expr) {
	var links []link
	var e ast.Expr = call
	for {
		c, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			break
		}
		sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
		if !ok {
			break
		}
		fn, _ := typeutil.Callee(info, c).(*types.Func)
		if fn == nil || !isGormMethod(fn) {
			break
		}
		links = append([]link{{call: c, name: sel.Sel.Name, fn: fn}}, links...)
		e = sel.X
	}
	return links, e
}

// isGormMethod reports whether fn is a method of gorm.DB or
// gorm.Association (the classic, non-generic API).
func isGormMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil || fn.Pkg() == nil || fn.Pkg().Path() != "gorm.io/gorm" {
		return false
	}
	named, ok := derefNamed(recv.Type()).(*types.Named)
	return ok && (named.Obj().Name() == "DB" || named.Obj().Name() == "Association")
}

// receiverEnd returns where a chain's last call's method selector starts
// its receiver's end: the point to insert another builder call before the
// finisher (db.Where(…)|.Find(&posts)).
func receiverEnd(call *ast.CallExpr) token.Pos {
	return ast.Unparen(call.Fun).(*ast.SelectorExpr).X.End()
}

// elementType returns the model type of a collection's elements
// ([]Post, []*Post, *[]Post → Post).
func elementType(t types.Type) *types.Named {
	t = derefNamed(t)
	switch u := t.Underlying().(type) {
	case *types.Slice:
		t = u.Elem()
	case *types.Array:
		t = u.Elem()
	default:
		return nil
	}
	n, _ := derefNamed(t).(*types.Named)
	return n
}

// ancestors returns the nodes enclosing n, innermost first, up to the
// file. (A path to n's range may start with n's children of the same
// range, an ExprStmt's call: they are skipped.)
func (s Site) ancestors(n ast.Node) []ast.Node {
	path, _ := astutil.PathEnclosingInterval(s.File, n.Pos(), n.End())
	for i, p := range path {
		if p == n {
			return path[i+1:]
		}
	}
	return path
}

// funcOf returns the innermost function (declaration or literal) holding n.
func (s Site) funcOf(n ast.Node) ast.Node {
	for _, p := range s.ancestors(n) {
		switch p.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return p
		}
	}
	return nil
}

// elementOf returns the expression naming the loop's element at e (p for
// a range value p, posts[i] for an index), stripped of & and *, or nil.
func (s Site) elementOf(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if st, ok := e.(*ast.StarExpr); ok {
		e = ast.Unparen(st.X)
	}
	info := s.Pass.TypesInfo
	switch e := e.(type) {
	case *ast.Ident:
		if rng, ok := s.Loop.(*ast.RangeStmt); ok && rng.Value != nil {
			if id, ok := rng.Value.(*ast.Ident); ok && info.ObjectOf(id) != nil && info.ObjectOf(id) == info.ObjectOf(e) {
				return e
			}
		}
	case *ast.IndexExpr:
		if types.ExprString(e.X) != types.ExprString(s.Collection) {
			return nil
		}
		idx, ok := ast.Unparen(e.Index).(*ast.Ident)
		if ok && s.isIndexVar(info.ObjectOf(idx)) {
			return e
		}
	}
	return nil
}

// isIndexVar reports whether v is the loop's index: a range key or the
// variable a counted loop declares.
func (s Site) isIndexVar(v types.Object) bool {
	if v == nil {
		return false
	}
	switch l := s.Loop.(type) {
	case *ast.RangeStmt:
		id, ok := l.Key.(*ast.Ident)
		return ok && s.Pass.TypesInfo.ObjectOf(id) == v
	case *ast.ForStmt:
		as, ok := l.Init.(*ast.AssignStmt)
		if ok && len(as.Lhs) == 1 {
			id, ok := as.Lhs[0].(*ast.Ident)
			return ok && s.Pass.TypesInfo.ObjectOf(id) == v
		}
	}
	return false
}

// declaredIn reports whether obj is declared inside node.
func declaredIn(obj types.Object, node ast.Node) bool {
	return obj != nil && obj.Pos().IsValid() && node.Pos() <= obj.Pos() && obj.Pos() < node.End()
}

// isConstant reports whether e is a constant (a literal, a named constant,
// true, false or nil): it means the same anywhere in the function.
func isConstant(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && (tv.Value != nil || tv.IsNil())
}

// stillUsed reports whether every local variable and imported package the
// removed range [from, to) mentions is also used outside it (or in keep),
// so that removing it leaves no unused variable or import.
func (s Site) stillUsed(fn ast.Node, from, to token.Pos, keep ...types.Object) bool {
	info := s.Pass.TypesInfo
	needed := map[types.Object]bool{}
	for id, obj := range info.Uses {
		if id.Pos() < from || id.Pos() >= to {
			continue
		}
		switch obj := obj.(type) {
		case *types.PkgName:
			needed[obj] = true
		case *types.Var:
			if declaredIn(obj, fn) && (obj.Pos() < from || obj.Pos() >= to) {
				needed[obj] = true
			}
		}
	}
	for _, k := range keep {
		delete(needed, k)
	}
	for id, obj := range info.Uses {
		if needed[obj] && (id.Pos() < from || id.Pos() >= to) && s.File.Pos() <= id.Pos() && id.Pos() < s.File.End() {
			delete(needed, obj)
		}
	}
	return len(needed) == 0
}
