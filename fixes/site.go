// Package fixes is the library-neutral plumbing of nplusonelint's
// remedies: an N+1 site described in syntax, call chains, the loop's
// element and index, source text, safe statement removal and the checks
// that an edit leaves no unused variable or import. A library's remedies
// (in its rules package) compose these into edits in its own idiom.
package fixes

import (
	"go/ast"
	"go/constant"
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

// Link is one method call of a chain (db.Where(…).Find(…)).
type Link struct {
	Call *ast.CallExpr
	Name string
	Fn   *types.Func
}

// Chain splits a call chain into its calls, root first, and the
// expression the chain starts from (db in db.Where(…).Find(…)). The
// chain stops at the first call whose method belongs does not accept.
func Chain(info *types.Info, call *ast.CallExpr, belongs func(*types.Func) bool) ([]Link, ast.Expr) {
	var links []Link
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
		if fn == nil || !belongs(fn) {
			break
		}
		links = append([]Link{{Call: c, Name: sel.Sel.Name, Fn: fn}}, links...)
		e = sel.X
	}
	return links, e
}

// ReceiverEnd returns where a chain's last call's method selector starts
// its receiver's end: the point to insert another builder call before the
// finisher (db.Where(…)|.Find(&posts)).
func ReceiverEnd(call *ast.CallExpr) token.Pos {
	return ast.Unparen(call.Fun).(*ast.SelectorExpr).X.End()
}

// ElementType returns the model type of a collection's elements
// ([]Post, []*Post, *[]Post → Post).
func ElementType(t types.Type) *types.Named {
	t = DerefNamed(t)
	switch u := t.Underlying().(type) {
	case *types.Slice:
		t = u.Elem()
	case *types.Array:
		t = u.Elem()
	default:
		return nil
	}
	n, _ := DerefNamed(t).(*types.Named)
	return n
}

// Ancestors returns the nodes enclosing n, innermost first, up to the
// file. (A path to n's range may start with n's children of the same
// range, an ExprStmt's call: they are skipped.)
func (s Site) Ancestors(n ast.Node) []ast.Node {
	path, _ := astutil.PathEnclosingInterval(s.File, n.Pos(), n.End())
	for i, p := range path {
		if p == n {
			return path[i+1:]
		}
	}
	return path
}

// FuncOf returns the innermost function (declaration or literal) holding n.
func (s Site) FuncOf(n ast.Node) ast.Node {
	for _, p := range s.Ancestors(n) {
		switch p.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return p
		}
	}
	return nil
}

// ElementOf returns the expression naming the loop's element at e (p for
// a range value p, posts[i] for an index), stripped of & and *, or nil.
func (s Site) ElementOf(e ast.Expr) ast.Expr {
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
		if ok && s.IsIndexVar(info.ObjectOf(idx)) {
			return e
		}
	}
	return nil
}

// IsIndexVar reports whether v is the loop's index: a range key or the
// variable a counted loop declares.
func (s Site) IsIndexVar(v types.Object) bool {
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

// DeclaredIn reports whether obj is declared inside node.
func DeclaredIn(obj types.Object, node ast.Node) bool {
	return obj != nil && obj.Pos().IsValid() && node.Pos() <= obj.Pos() && obj.Pos() < node.End()
}

// IsConstant reports whether e is a constant (a literal, a named constant,
// true, false or nil): it means the same anywhere in the function.
func IsConstant(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && (tv.Value != nil || tv.IsNil())
}

// StillUsed reports whether every local variable and imported package the
// removed range [from, to) mentions is also used outside it (or in keep),
// so that removing it leaves no unused variable or import.
func (s Site) StillUsed(fn ast.Node, from, to token.Pos, keep ...types.Object) bool {
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
			if DeclaredIn(obj, fn) && (obj.Pos() < from || obj.Pos() >= to) {
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

// LoopBody returns a for or range statement's body.
func LoopBody(loop ast.Stmt) *ast.BlockStmt {
	switch l := loop.(type) {
	case *ast.RangeStmt:
		return l.Body
	case *ast.ForStmt:
		return l.Body
	}
	return nil
}

// StringConst returns the value of e when it is a constant string.
func StringConst(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// DerefNamed returns what a pointer type points to, or t itself.
func DerefNamed(t types.Type) types.Type {
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// CountSite is a count whose result is only compared with zero, described
// in syntax: the call and, when it counts into a variable (Count(&n)),
// that variable.
type CountSite struct {
	Pass *analysis.Pass
	File *ast.File
	Call *ast.CallExpr
	N    *types.Var // nil when the count's result is compared directly
	// SQL is the argument holding the SQL text when the count is a
	// statement's text (SELECT COUNT(*) …) rather than a library's count.
	SQL ast.Expr
}

// RangeVarsAfter returns the edit that keeps a range statement compiling
// once the code the removed edits delete is gone: a key or value declared by the
// clause (:=) and used nowhere else in the body is dropped from it
// (for i, p := range → for i := range, for _, p := range → for range). It
// returns false when nothing needs to change.
func (s Site) RangeVarsAfter(removed ...analysis.TextEdit) (analysis.TextEdit, bool) {
	rng, ok := s.Loop.(*ast.RangeStmt)
	if !ok || rng.Tok != token.DEFINE || rng.Key == nil {
		return analysis.TextEdit{}, false
	}
	info := s.Pass.TypesInfo
	used := func(e ast.Expr) bool {
		id, ok := e.(*ast.Ident)
		if !ok || id.Name == "_" {
			return false
		}
		obj := info.Defs[id]
		found := false
		ast.Inspect(rng.Body, func(n ast.Node) bool {
			for _, r := range removed {
				if n != nil && r.Pos <= n.Pos() && n.End() <= r.End {
					return false
				}
			}
			if x, ok := n.(*ast.Ident); ok && obj != nil && info.Uses[x] == obj {
				found = true
			}
			return !found
		})
		return found
	}
	var key, value bool
	key = used(rng.Key)
	if rng.Value != nil {
		value = used(rng.Value)
	}
	keyName := rng.Key.(*ast.Ident).Name // a := clause declares identifiers
	hadKey := keyName != "_"
	hadValue := rng.Value != nil && rng.Value.(*ast.Ident).Name != "_"
	if key == hadKey && value == hadValue {
		return analysis.TextEdit{}, false
	}
	var clause string
	switch {
	case key && value:
		return analysis.TextEdit{}, false
	case value:
		clause = "_, " + rng.Value.(*ast.Ident).Name + " := range "
	case key:
		clause = keyName + " := range "
	default:
		clause = "range "
	}
	return analysis.TextEdit{Pos: rng.Key.Pos(), End: rng.X.Pos(), NewText: []byte(clause)}, true
}
