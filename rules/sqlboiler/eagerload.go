package sqlboiler

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/nplusonelint/nplusonelint/fixes"
)

// loadFix makes the eager load of a to-many relation read per element:
// qm.Load(models.PostRels.Comments[, the loop's mods]) added to the mods
// of the query that loaded the collection, the loop's statement
// `comments, err := p.Comments(…).All(ctx, exec)` and its error check
// removed, and comments read as p.R.Comments. After qm.Load every element
// has R set (LoadComments sets it before querying) and R.Comments holds
// the element's rows, nil for none as All returned nil, so the reads keep
// their results; the eager query runs the same after-select hooks. In a
// loop over a loaded relation of an outer element (for _, p := range
// u.R.AuthorPosts) the load is nested, qm.Load("AuthorPosts.Comments",
// mods…), when the origin loads AuthorPosts: its mods apply to the last
// relation only, as the loop's did.
//
// Refused, so that the edit keeps what the code did: a to-one relation
// (One returned sql.ErrNoRows for a missing row; the loaded R.Author is
// nil), mods other than constant Where/And/WhereIn conditions and
// OrderBy (a Limit or Offset would apply to all elements at once, an Or
// would change the precedence of the relation's own condition), an origin
// that is not models.X(mods…).All(ctx, exec) (or an accessor) with the
// loop's context and executor, written once in a block enclosing the loop
// and already loading the relation, a loop that calls anything else that
// may query, the outer loop's body included (the load reads before the
// loop and would miss what an earlier iteration wrote), an error check
// that does more than return, a result written again, and an edit leaving
// a variable or import unused.
func loadFix(s fixes.Site, q relationQuery) *analysis.SuggestedFix {
	info := s.Pass.TypesInfo
	if !q.many || s.Origin == nil || s.Param || s.File == nil {
		return nil
	}
	if sel := ast.Unparen(q.finisher.Fun).(*ast.SelectorExpr); sel.Sel.Name != "All" || len(q.finisher.Args) != 2 {
		return nil
	}
	elem, ok := ast.Unparen(q.elem).(*ast.Ident)
	if !ok || s.ElementOf(elem) == nil {
		return nil
	}
	elemVar, _ := info.Uses[elem].(*types.Var)
	if elemVar == nil || writesRoot(s, elemVar) {
		return nil
	}
	if q.accessor.Ellipsis.IsValid() {
		return nil
	}
	for _, m := range q.accessor.Args {
		if !carriedMod(info, m) {
			return nil
		}
	}
	// o is the site of the loop over the origin's collection: this loop,
	// or the enclosing one whose element's loaded relation this loop
	// ranges over (for _, u := range users { for _, p := range u.R.AuthorPosts).
	o, path, model := s, q.name, q.owner
	if s.Outer != nil {
		outer, rel, ok := nestedIn(s)
		if !ok {
			return nil
		}
		o.Loop, o.Collection = outer.loop, s.Outer
		path, model = rel+"."+q.name, outer.model
		if writesRoot(o, outer.elem) {
			return nil
		}
	}
	root, ok := originMods(o, q, model, path)
	if !ok {
		return nil
	}
	stmt, check, result, ok := resultStatement(s, q)
	if !ok {
		return nil
	}
	removed, end := []ast.Node{stmt}, stmt.End()
	if check != nil {
		removed, end = append(removed, check), check.End()
	}
	if o.MayQueryBesides(removed...) {
		return nil
	}
	keep := []types.Object{elemVar}
	for _, m := range q.accessor.Args {
		ast.Inspect(m, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if pn, ok := info.Uses[id].(*types.PkgName); ok {
					keep = append(keep, pn)
				}
			}
			return true
		})
	}
	if !s.StillUsed(s.FuncOf(s.Loop), stmt.Pos(), end, keep...) {
		return nil
	}
	// The edits: the load in the origin, the statement and its check
	// gone, the result read from the element.
	var edits []analysis.TextEdit
	qm, imp, ok := s.Import(qmPath, "qm")
	if !ok {
		return nil
	}
	if imp != nil {
		edits = append(edits, *imp)
	}
	rel := strconv.Quote(path) // "AuthorPosts.Comments"
	if s.Outer == nil {
		var imp *analysis.TextEdit
		if rel, imp, ok = relsName(s, q); !ok {
			return nil
		}
		if imp != nil {
			edits = append(edits, *imp)
		}
	}
	args := []string{rel}
	for _, m := range q.accessor.Args {
		args = append(args, s.Text(m))
	}
	edits = append(edits, appendArg(s, root, qm+".Load("+strings.Join(args, ", ")+")"))
	removals := []analysis.TextEdit{s.Removal(stmt)}
	if check != nil {
		removals = append(removals, s.Removal(check))
	}
	edits = append(edits, removals...)
	read := elem.Name + ".R." + q.name
	if result != nil {
		for id, obj := range info.Uses {
			if obj == result && (id.Pos() < stmt.Pos() || id.Pos() >= end) {
				edits = append(edits, analysis.TextEdit{Pos: id.Pos(), End: id.End(), NewText: []byte(read)})
			}
		}
	}
	if clause, ok := s.RangeVarsAfter(removals...); ok && result == nil { // else the reads name the element
		edits = append(edits, clause)
	}
	return &analysis.SuggestedFix{
		Message:   "eager-load " + path + " with qm.Load in the query loading " + types.ExprString(o.Collection) + ", and read " + read,
		TextEdits: edits,
	}
}

// appendArg returns the edit adding arg as the last argument of call: on
// a line of its own when the call lists its arguments one a line.
func appendArg(s fixes.Site, call *ast.CallExpr, arg string) analysis.TextEdit {
	n := len(call.Args)
	if n == 0 {
		return analysis.TextEdit{Pos: call.Rparen, End: call.Rparen, NewText: []byte(arg)}
	}
	last := call.Args[n-1]
	fset := s.Pass.Fset
	if fset.Position(call.Rparen).Line > fset.Position(last.End()).Line {
		if src, tf := s.Source(last.End()); src != nil {
			if i := strings.IndexByte(string(src[tf.Offset(last.End()):tf.Offset(call.Rparen)]), ','); i >= 0 {
				at := last.End() + token.Pos(i+1)
				return analysis.TextEdit{Pos: at, End: at, NewText: []byte("\n" + s.Indent(last.Pos()) + arg + ",")}
			}
		}
	}
	return analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte(", " + arg)}
}

// originMods returns the call whose mods the eager load joins: the
// origin is ROOT(mods…).All(ctx, exec), ROOT a generated function or
// accessor taking ...qm.QueryMod (models.Posts(…), u.AuthorPosts(…)),
// with the loop's context and executor, its result a slice of the
// element's model, the collection a variable it defines, written nowhere
// else, in a block enclosing the loop; no mod of it loads the relation
// already.
func originMods(s fixes.Site, q relationQuery, model *types.Named, path string) (*ast.CallExpr, bool) {
	info := s.Pass.TypesInfo
	origin := s.Origin
	sel, ok := ast.Unparen(origin.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "All" || len(origin.Args) != 2 {
		return nil, false
	}
	if fn, ok := typeutil.Callee(info, origin).(*types.Func); !ok || fn.Pkg() == nil || !isGeneratedPackage(fn.Pkg()) {
		return nil, false
	}
	for i := range 2 {
		if !sameVar(info, origin.Args[i], q.finisher.Args[i]) {
			return nil, false
		}
	}
	res, ok := info.TypeOf(origin).(*types.Tuple)
	if !ok || res.Len() != 2 || fixes.ElementType(res.At(0).Type()) != model {
		return nil, false
	}
	root, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok || root.Ellipsis.IsValid() {
		return nil, false
	}
	fn, ok := typeutil.Callee(info, root).(*types.Func)
	if !ok || fn.Pkg() == nil || !isGeneratedPackage(fn.Pkg()) || !takesMods(fn.Signature()) {
		return nil, false
	}
	first, nested, _ := strings.Cut(path, ".")
	loadsFirst := false
	for _, m := range root.Args {
		switch loads(info, m, first) {
		case path:
			return nil, false // loaded already
		case first:
			loadsFirst = true
		case "?":
			return nil, false
		}
	}
	if nested != "" && !loadsFirst {
		return nil, false // the loop ranges over a relation the origin does not load
	}
	id, ok := ast.Unparen(s.Collection).(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, _ := info.Uses[id].(*types.Var)
	if v == nil || s.Writes(v) != 1 || !s.Encloses(origin) {
		return nil, false
	}
	as, ok := s.Ancestors(origin)[0].(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != origin || info.ObjectOf(identOf(as.Lhs[0])) != v {
		return nil, false
	}
	return root, true
}

// resultStatement returns the loop's statement `v, err := <query>` (v or
// err may be _), written in the loop's own block, and the error check
// following it, `if err != nil { return … }`, nil when err is _; and v's
// variable, nil for _. v is defined there and written nowhere else; err
// is read only by the check.
func resultStatement(s fixes.Site, q relationQuery) (stmt, check ast.Stmt, result *types.Var, ok bool) {
	info := s.Pass.TypesInfo
	path := s.Ancestors(q.finisher)
	if len(path) < 2 {
		return nil, nil, nil, false
	}
	as, ok := path[0].(*ast.AssignStmt)
	block, ok2 := path[1].(*ast.BlockStmt)
	if !ok || !ok2 || block != fixes.LoopBody(s.Loop) || as.Tok != token.DEFINE || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
		return nil, nil, nil, false
	}
	vid, eid := identOf(as.Lhs[0]), identOf(as.Lhs[1])
	if vid == nil || eid == nil {
		return nil, nil, nil, false
	}
	if vid.Name != "_" {
		result, _ = info.Defs[vid].(*types.Var)
		if result == nil || s.Writes(result) != 1 {
			return nil, nil, nil, false
		}
	}
	if eid.Name == "_" {
		return as, nil, result, true
	}
	errVar, _ := info.Defs[eid].(*types.Var)
	if errVar == nil {
		return nil, nil, nil, false
	}
	var next ast.Stmt
	for i, st := range block.List {
		if st == as && i+1 < len(block.List) {
			next = block.List[i+1]
		}
	}
	ifs, ok := next.(*ast.IfStmt)
	if !ok || ifs.Init != nil || ifs.Else != nil || len(ifs.Body.List) != 1 {
		return nil, nil, nil, false
	}
	if _, isReturn := ifs.Body.List[0].(*ast.ReturnStmt); !isReturn {
		return nil, nil, nil, false
	}
	be, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
	if !ok || be.Op != token.NEQ || info.Uses[identOf(be.X)] != errVar || !info.Types[be.Y].IsNil() {
		return nil, nil, nil, false
	}
	for id, obj := range info.Uses {
		if obj == errVar && (id.Pos() < ifs.Pos() || id.Pos() >= ifs.End()) {
			return nil, nil, nil, false
		}
	}
	return as, ifs, result, true
}

// writesRoot reports whether the loop body assigns to the element or
// through it (p = …, p.R = …, p.R.Comments = …).
func writesRoot(s fixes.Site, v *types.Var) bool {
	info := s.Pass.TypesInfo
	found := false
	ast.Inspect(fixes.LoopBody(s.Loop), func(n ast.Node) bool {
		var lhs []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			lhs = n.Lhs
		case *ast.IncDecStmt:
			lhs = []ast.Expr{n.X}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				lhs = []ast.Expr{n.X}
			}
		}
		for _, l := range lhs {
			root, _ := fixes.FieldPath(l)
			if id, ok := root.(*ast.Ident); ok && info.Uses[id] == v {
				found = true
			}
		}
		return !found
	})
	return found
}

// relsName returns the expression naming the relation as the generated
// code offers it, models.PostRels.Comments (PostRels.Comments inside the
// models package), and the import it may need.
func relsName(s fixes.Site, q relationQuery) (string, *analysis.TextEdit, bool) {
	pkg := q.owner.Obj().Pkg()
	rels, ok := pkg.Scope().Lookup(q.owner.Obj().Name() + "Rels").(*types.Var)
	if !ok {
		return "", nil, false
	}
	st, ok := rels.Type().Underlying().(*types.Struct)
	if !ok {
		return "", nil, false
	}
	has := false
	for f := range st.Fields() {
		has = has || f.Name() == q.name
	}
	if !has {
		return "", nil, false
	}
	if pkg == s.Pass.Pkg {
		return rels.Name() + "." + q.name, nil, true
	}
	name, imp, ok := s.Import(pkg.Path(), pkg.Name())
	if !ok {
		return "", nil, false
	}
	return name + "." + rels.Name() + "." + q.name, imp, true
}
