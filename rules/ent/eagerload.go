package ent

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nplusonelint/nplusonelint/fixes"
)

// edgeQuery is a loop's query of an edge of the element: x.QueryY(), an
// optional Where of constant predicates, and a finisher.
type edgeQuery struct {
	elem     ast.Expr     // x
	edge     string       // Y
	where    []ast.Expr   // the Where's predicates, nil for none
	finisher fixes.Link   // All, AllX, Only, OnlyX, First, FirstX
	query    *types.Named // the edge's XQuery type
	entity   *types.Named // x's type
}

// eagerLoad advises WithY where the collection is loaded and, when the edit
// is safe, makes it: WithY() (or WithY(func(q *ent.YQuery){ q.Where(…) }))
// in the query that loaded the collection, and the loop's query replaced by
// the loaded edge, x.Edges.YOrErr() (same results, same error for a
// missing unique edge) or x.Edges.Y for the …X forms.
func eagerLoad(s fixes.Site) (string, *analysis.SuggestedFix) {
	q, ok := parseEdgeQuery(s)
	if !ok {
		return "collect the keys and run one query for all of them (Where(x.KeyIn(keys...))), or eager-load the edge with WithY() where the collection is loaded", nil
	}
	where := "where the collection is loaded"
	if s.Outer != nil {
		where = "inside the eager load of the outer collection (WithX(func(q *ent.XQuery){ q.With" + q.edge + "() }))"
	}
	advice := "eager-load it: With" + q.edge + "() " + where + ", then read " + types.ExprString(q.elem) + ".Edges." + q.edge
	if len(q.where) > 0 {
		advice = "eager-load it with its predicates: With" + q.edge + "(func(q *ent." + q.query.Obj().Name() + ") { q.Where(…) }) " + where + ", then read " + types.ExprString(q.elem) + ".Edges." + q.edge
	}
	fix := eagerLoadFix(s, q)
	return advice, fix
}

// parseEdgeQuery recognises the loop's call as a query of an edge of the
// element.
func parseEdgeQuery(s fixes.Site) (edgeQuery, bool) {
	if s.Call == nil {
		return edgeQuery{}, false
	}
	info := s.Pass.TypesInfo
	links, root := fixes.Chain(info, s.Call, func(fn *types.Func) bool {
		return fn.Pkg() != nil && isGeneratedPackage(fn.Pkg())
	})
	if len(links) < 2 || len(links) > 3 {
		return edgeQuery{}, false
	}
	first, last := links[0], links[len(links)-1]
	if !strings.HasPrefix(first.Name, "Query") || len(first.Call.Args) > 1 {
		return edgeQuery{}, false
	}
	if len(first.Call.Args) == 1 { // client.Post.QueryAuthor(p)
		recv, ok := fixes.DerefNamed(info.TypeOf(root)).(*types.Named)
		if !ok || !strings.HasSuffix(recv.Obj().Name(), "Client") {
			return edgeQuery{}, false
		}
		root = first.Call.Args[0]
	}
	entity, ok := fixes.DerefNamed(info.TypeOf(root)).(*types.Named)
	if !ok || !isGeneratedPackage(entity.Obj().Pkg()) {
		return edgeQuery{}, false
	}
	query, ok := fixes.DerefNamed(info.TypeOf(first.Call)).(*types.Named)
	if !ok || !strings.HasSuffix(query.Obj().Name(), "Query") {
		return edgeQuery{}, false
	}
	q := edgeQuery{elem: root, edge: strings.TrimPrefix(first.Name, "Query"), finisher: last, query: query, entity: entity}
	if len(links) == 3 {
		if links[1].Name != "Where" || links[1].Call.Ellipsis.IsValid() {
			return edgeQuery{}, false
		}
		q.where = links[1].Call.Args
	}
	return q, true
}

// eagerLoadFix makes the eager load, or returns nil when the edit could
// change what the code does or fail to compile: the collection must come
// from a plain All/AllX of the loop's own function, its variable written
// only there, in a block enclosing the loop; the loop's query must be the
// edge (a list read with All, a unique edge with Only or First), with
// constant predicates only; the loop calls nothing else that may query
// (an eager load reads before the loop and would miss what an iteration
// wrote); and nothing is left unused.
func eagerLoadFix(s fixes.Site, q edgeQuery) *analysis.SuggestedFix {
	info := s.Pass.TypesInfo
	if s.Origin == nil || s.Outer != nil || s.Param || s.ElementOf(q.elem) == nil {
		return nil
	}
	if _, ok := ast.Unparen(q.elem).(*ast.Ident); !ok {
		return nil
	}
	// The loaded edge: x.Edges.Y and x.Edges.YOrErr().
	edgesVar := fixes.StructField(q.entity, "Edges")
	if edgesVar == nil {
		return nil
	}
	edges, ok := edgesVar.Type().(*types.Named)
	if !ok {
		return nil
	}
	loaded := fixes.StructField(edges, q.edge)
	if loaded == nil || method(edges, q.edge+"OrErr") == nil {
		return nil
	}
	_, many := loaded.Type().(*types.Slice)
	switch q.finisher.Name {
	case "All", "AllX":
		if !many {
			return nil
		}
	case "Only", "First":
		// Not OnlyX/FirstX: they panic on a missing edge, where the
		// loaded x.Edges.Y is nil.
		if many {
			return nil
		}
	default:
		return nil
	}
	for _, p := range q.where {
		if !constantExpr(info, p) {
			return nil
		}
	}
	// The origin: a generated XQuery's All or AllX, defining the collection.
	origin := s.Origin
	osel, ok := ast.Unparen(origin.Fun).(*ast.SelectorExpr)
	if !ok || (osel.Sel.Name != "All" && osel.Sel.Name != "AllX") {
		return nil
	}
	oq, ok := fixes.DerefNamed(info.TypeOf(osel.X)).(*types.Named)
	if !ok || method(oq, "With"+q.edge) == nil || !isGeneratedPackage(oq.Obj().Pkg()) {
		return nil
	}
	if !definesOnly(s, origin) {
		return nil
	}
	if !callsOnly(s, q) {
		return nil
	}
	// The finisher's context is the origin's.
	if len(q.finisher.Call.Args) != 1 || len(origin.Args) != 1 || !sameVar(info, q.finisher.Call.Args[0], origin.Args[0]) {
		return nil
	}
	// The element stays (x.Edges.Y) and the predicates move to the origin.
	keep := []types.Object{info.ObjectOf(ast.Unparen(q.elem).(*ast.Ident))}
	for _, p := range q.where {
		ast.Inspect(p, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Name == "q" {
				keep = nil // the closure's parameter would shadow it
			} else if ok && info.Uses[id] != nil {
				keep = append(keep, info.Uses[id])
			}
			return true
		})
	}
	if keep == nil || !s.StillUsed(s.FuncOf(s.Loop), s.Call.Pos(), s.Call.End(), keep...) {
		return nil
	}
	with := ".With" + q.edge + "()"
	var edits []analysis.TextEdit
	if len(q.where) > 0 {
		name, imp, ok := s.Import(q.query.Obj().Pkg().Path(), q.query.Obj().Pkg().Name())
		if !ok {
			return nil
		}
		if imp != nil {
			edits = append(edits, *imp)
		}
		var preds []string
		for _, p := range q.where {
			preds = append(preds, s.Text(p))
		}
		with = ".With" + q.edge + "(func(q *" + name + "." + q.query.Obj().Name() + ") { q.Where(" + strings.Join(preds, ", ") + ") })"
	}
	edits = append(edits, analysis.TextEdit{Pos: osel.X.End(), End: osel.X.End(), NewText: []byte(with)})
	read := s.Text(q.elem) + ".Edges." + q.edge + "OrErr()"
	if strings.HasSuffix(q.finisher.Name, "X") {
		read = s.Text(q.elem) + ".Edges." + q.edge
	}
	edits = append(edits, analysis.TextEdit{Pos: s.Call.Pos(), End: s.Call.End(), NewText: []byte(read)})
	return &analysis.SuggestedFix{Message: "eager-load " + q.edge + " with With" + q.edge + "()", TextEdits: edits}
}

// definesOnly reports whether the origin call's statement defines the
// collection variable, written nowhere else in the function, in a block
// enclosing the loop.
func definesOnly(s fixes.Site, origin *ast.CallExpr) bool {
	info := s.Pass.TypesInfo
	id, ok := ast.Unparen(s.Collection).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.ObjectOf(id).(*types.Var)
	if !ok {
		return false
	}
	anc := s.Ancestors(origin)
	if len(anc) < 2 {
		return false
	}
	as, ok := anc[0].(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != origin {
		return false
	}
	lhs, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident)
	if !ok || info.ObjectOf(lhs) != v {
		return false
	}
	block, ok := anc[1].(*ast.BlockStmt)
	if !ok || !(block.Pos() <= s.Loop.Pos() && s.Loop.End() <= block.End()) || s.Loop.Pos() < as.End() {
		return false
	}
	fn := s.FuncOf(s.Loop)
	writes := 0
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if lid, ok := ast.Unparen(l).(*ast.Ident); ok && info.ObjectOf(lid) == v {
					writes++
				}
			}
		case *ast.UnaryExpr:
			if x, ok := ast.Unparen(n.X).(*ast.Ident); ok && info.ObjectOf(x) == v {
				writes += 2 // its address escapes
			}
		}
		return true
	})
	return writes == 1
}

// callsOnly reports whether the loop body calls nothing but the edge
// query's chain, builtins, conversions and the standard library.
func callsOnly(s fixes.Site, q edgeQuery) bool {
	info := s.Pass.TypesInfo
	ok := true
	ast.Inspect(fixes.LoopBody(s.Loop), func(n ast.Node) bool {
		call, isCall := n.(*ast.CallExpr)
		if !isCall || !ok {
			return ok
		}
		if s.Call.Pos() <= call.Pos() && call.End() <= s.Call.End() {
			return false
		}
		if tv, found := info.Types[call.Fun]; found && (tv.IsType() || tv.IsBuiltin()) {
			return true
		}
		switch fn := calleeOf(info, call).(type) {
		case *types.Func:
			if fn.Pkg() != nil && !strings.Contains(strings.Split(fn.Pkg().Path(), "/")[0], ".") && fn.Pkg().Path() != "database/sql" {
				return true
			}
		}
		ok = false
		return false
	})
	return ok
}

// calleeOf returns the function or method a call names statically, or nil.
func calleeOf(info *types.Info, call *ast.CallExpr) types.Object {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return info.Uses[f]
	case *ast.SelectorExpr:
		if sel := info.Selections[f]; sel != nil {
			if sel.Kind() == types.MethodVal {
				if _, iface := sel.Recv().Underlying().(*types.Interface); iface {
					return nil
				}
			}
			return sel.Obj()
		}
		return info.Uses[f.Sel]
	}
	return nil
}

// constantExpr reports whether e means the same at the origin as in the
// loop: literals, constants, and calls of generated predicate functions
// with such arguments (post.Published(true)).
func constantExpr(info *types.Info, e ast.Expr) bool {
	if fixes.IsConstant(info, e) {
		return true
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := calleeOf(info, call).(*types.Func)
	if !ok || fn.Signature().Recv() != nil || !isPredicate(fn) {
		return false
	}
	for _, a := range call.Args {
		if !constantExpr(info, a) {
			return false
		}
	}
	return true
}

// isPredicate reports whether fn is a predicate function of an
// ent-generated package (post.Published): it returns a type of the
// generated predicate package.
func isPredicate(fn *types.Func) bool {
	res := fn.Signature().Results()
	if res.Len() != 1 {
		return false
	}
	n, ok := types.Unalias(res.At(0).Type()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && strings.HasSuffix(n.Obj().Pkg().Path(), "/predicate")
}

func sameVar(info *types.Info, a, b ast.Expr) bool {
	x, ok1 := ast.Unparen(a).(*ast.Ident)
	y, ok2 := ast.Unparen(b).(*ast.Ident)
	return ok1 && ok2 && info.ObjectOf(x) != nil && info.ObjectOf(x) == info.ObjectOf(y)
}

// method returns the method of n (or *n) with the given name, or nil.
func method(n *types.Named, name string) *types.Func {
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(n), false, n.Obj().Pkg(), name)
	fn, _ := obj.(*types.Func)
	return fn
}
