package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/nplusonelint/nplusonelint/rules"
)

// origin says where a loop's collection came from.
type origin struct {
	query string    // the query (or query-running function) that loaded it; "" if unknown
	pos   token.Pos // where that call is
	param bool      // the collection is a parameter of the function
	// outer, for a collection belonging to the element of an enclosing
	// range (p.Comments in a loop over posts), is that range's collection;
	// the other fields are then its origin.
	outer ast.Expr
}

// originOf finds the query that loaded a loop's collection: the
// collection expression itself when it is such a call, else, in the
// declaration holding the loop, the last call before the loop that
// assigned the collection variable or filled it through a pointer
// (db.Find(&posts), posts, err := repo.List(ctx)) and runs a query.
func (s *state) originOf(l *loop) origin {
	if call, ok := ast.Unparen(l.collection).(*ast.CallExpr); ok { // range repo.List(db)
		if q := s.queryName(call); q != "" {
			return origin{query: q, pos: call.Lparen}
		}
		return origin{}
	}
	root, path := s.selectorPath(l.collection)
	if root == nil {
		return origin{}
	}
	file := fileOf(s.pass, l.node.Pos())
	if file == nil {
		return origin{}
	}
	decl := enclosingDecl(file, l.node.Pos())
	var found origin
	consider := func(call *ast.CallExpr) {
		if call.Pos() >= l.node.Pos() {
			return
		}
		if q := s.queryName(call); q != "" {
			found = origin{query: q, pos: call.Lparen}
		}
	}
	// A call filling the variable or a field on the way fills the
	// collection too (db.First(&order) loads order.Lines when preloaded).
	isVar := func(e ast.Expr) bool {
		r, p := s.selectorPath(e)
		return r == root && (p == path || strings.HasPrefix(path, p+"."))
	}
	ast.Inspect(decl, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if !isVar(lhs) {
					continue
				}
				rhs := n.Rhs[0]
				if len(n.Rhs) == len(n.Lhs) {
					rhs = n.Rhs[i]
				}
				if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok {
					consider(call)
				}
			}
		case *ast.CallExpr:
			// The call's own arguments, and those of the builders of its
			// receiver chain: db.NewSelect().Model(&posts).Scan(ctx).
			if s.writesRows(n) {
				return true // db.Create(&posts) stores the rows, it loads none
			}
			for c := n; c != nil; c = receiverCall(c) {
				for _, a := range c.Args {
					if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok && u.Op == token.AND && isVar(u.X) {
						consider(n) // db.Find(&posts)
					} else if _, ptr := typeOf(s.pass, a).Underlying().(*types.Pointer); ptr && isVar(a) {
						consider(n) // db.Find(posts), posts a pointer
					}
				}
			}
		case *ast.FuncType:
			if n.Params != nil {
				for _, f := range n.Params.List {
					for _, name := range f.Names {
						if s.pass.TypesInfo.Defs[name] == root && path == "" {
							found.param = true
						}
					}
				}
			}
		case *ast.RangeStmt:
			// p.Comments, p ranging over posts: the origin is posts'.
			if found.query == "" && n.Pos() < l.node.Pos() && rangeDefines(s, n, root) {
				outer := s.originOf(&loop{node: n, collection: n.X})
				if outer.outer == nil {
					found = origin{query: outer.query, pos: outer.pos, param: outer.param, outer: n.X}
				}
			}
		}
		return true
	})
	return found
}

// rangeDefines reports whether v is the key or value variable of rng.
func rangeDefines(s *state, rng *ast.RangeStmt, v *types.Var) bool {
	for _, e := range []ast.Expr{rng.Key, rng.Value} {
		if id, ok := e.(*ast.Ident); ok && s.pass.TypesInfo.Defs[id] == v {
			return true
		}
	}
	return false
}

// selectorPath splits a variable or a chain of field selections on one
// (posts, resp.Data.Posts, *posts) into the variable and the field path;
// nil for anything else.
func (s *state) selectorPath(e ast.Expr) (*types.Var, string) {
	switch e := ast.Unparen(e).(type) {
	case *ast.StarExpr:
		return s.selectorPath(e.X)
	case *ast.Ident:
		v, _ := s.pass.TypesInfo.ObjectOf(e).(*types.Var)
		return v, ""
	case *ast.SelectorExpr:
		if sel := s.pass.TypesInfo.Selections[e]; sel == nil || sel.Kind() != types.FieldVal {
			return nil, ""
		}
		v, p := s.selectorPath(e.X)
		return v, p + "." + e.Sel.Name
	}
	return nil, ""
}

// queryName returns the name of the query a call runs (a library query or
// a function known to run one), or "".
func (s *state) queryName(call *ast.CallExpr) string {
	fn, ok := typeutil.Callee(s.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return ""
	}
	if _, ok := s.reg.Lookup(fn); ok {
		return funcName(fn)
	}
	if s.declaredSummary(fn) != nil {
		return funcName(fn)
	}
	return ""
}

// writesRows reports whether call is a library write (Create, an
// insert's Exec): what it takes a pointer to, it stores.
func (s *state) writesRows(call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(s.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return false
	}
	q, ok := s.reg.Lookup(fn)
	return ok && (q.Kind == rules.Write || q.Kind == rules.Exec)
}

// receiverCall returns the call a method call's receiver is
// (db.Model(&posts) in db.Model(&posts).Scan(ctx)), or nil.
func receiverCall(call *ast.CallExpr) *ast.CallExpr {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		c, _ := ast.Unparen(sel.X).(*ast.CallExpr)
		return c
	}
	return nil
}
