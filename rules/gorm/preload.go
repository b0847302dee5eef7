package gorm

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nplusonelint/nplusonelint/fixes"
)

// eagerLoad handles a read per element that loads an association of the
// element (GORM's select_related and prefetch_related): Preload it in the
// query that loaded the collection, and read the loaded field in the loop.
//
// It returns the advice to add to the diagnostic ("" when the query loads
// no association it recognises) and the fix, nil when the edit cannot be
// made safely: the collection is a parameter or comes from a function,
// the loop reads the association in a way an assignment cannot replace
// (error handling of First, a pointer field read into a value), or the
// query that loaded it selects columns.
func eagerLoad(s site) (string, *analysis.SuggestedFix, []analysis.RelatedInformation) {
	if s.Call == nil {
		return "", nil, nil
	}
	q, ok := s.readLoad()
	if !ok {
		return "", nil, nil
	}
	path, ok := s.preloadPath(q)
	if !ok {
		return "", nil, nil
	}
	args := s.preloadArgs(path, q.extra)
	loaded := types.ExprString(s.Collection)
	if s.Outer != nil {
		loaded = types.ExprString(s.Outer)
	}
	advice := fmt.Sprintf("preload it: Preload(%s) where %s is loaded", args, loaded)
	insert, ok := s.preloadInsertion(path, args)
	if !ok {
		if remote, related, ok := s.remoteAdvice("Preload", args); ok {
			return "preload it: " + remote, nil, related
		}
		return advice, nil, nil
	}
	if s.writesBetween() || s.d.PreloadNewSearch && !s.plainReceiver(s.Call, 3) {
		return advice, nil, nil
	}
	edit, ok := s.readField(q)
	if !ok {
		return advice, nil, nil
	}
	method := "Preload"
	if !s.d.Joins {
		// no Joins of an association in this version
	} else if join, why := s.joinPlan(q); join != "" {
		method, args = "Joins", join
		advice = fmt.Sprintf("join it: Joins(%s) where %s is loaded (a to-one relation: one query with a LEFT JOIN, no second)", args, loaded)
		insert.NewText = []byte(".Joins(" + args + ")")
	} else if why != "" {
		advice += " (not Joins: " + why + ")"
	}
	edits := []analysis.TextEdit{insert, edit}
	if len(edit.NewText) == 0 { // the statement goes: maybe the last use of the range's key or value
		if clause, ok := s.RangeVarsAfter(edit); ok {
			edits = append(edits, clause)
		}
	}
	return advice, &analysis.SuggestedFix{
		Message:   fmt.Sprintf("%s(%s) in the query loading %s and read %s.%s", method, args, loaded, types.ExprString(q.elem), q.assoc.Name),
		TextEdits: edits,
	}, nil
}

// preloadPath returns the association path to preload from the model the
// origin query loads: Author, or Comments.Author when the loop iterates
// p.Comments inside a loop over posts.
func (s site) preloadPath(q *loadQuery) (string, bool) {
	if len(q.via) > 0 {
		return strings.Join(append(append([]string{}, q.via...), q.assoc.Name), "."), s.Outer == nil
	}
	if s.Outer == nil {
		return q.assoc.Name, true
	}
	info := s.Pass.TypesInfo
	outer := fixes.ElementType(info.TypeOf(s.Outer))
	e, fields := fixes.FieldPath(s.Collection)
	if _, ok := e.(*ast.Ident); !ok || outer == nil || len(fields) == 0 {
		return "", false
	}
	cur := outer
	for _, f := range fields {
		a, ok := s.d.associationNamed(cur, f)
		if !ok {
			return "", false
		}
		cur = a.Target
	}
	if !types.Identical(cur, q.owner) {
		return "", false
	}
	return strings.Join(fields, ".") + "." + q.assoc.Name, true
}

// preloadArgs writes Preload's arguments: the path, then the constant
// conditions of the loop's query (GORM's filtered preload).
func (s site) preloadArgs(path string, extra []cond) string {
	args := []string{fmt.Sprintf("%q", path)}
	if len(extra) > 0 {
		var sqls []string
		var vals []string
		for _, c := range extra {
			text, _ := fixes.StringConst(s.Pass.TypesInfo, c.query)
			if len(extra) > 1 {
				text = "(" + text + ")"
			}
			sqls = append(sqls, text)
			for _, a := range c.args {
				vals = append(vals, s.Text(a))
			}
		}
		args = append(args, fmt.Sprintf("%q", strings.Join(sqls, " AND ")))
		args = append(args, vals...)
	}
	return strings.Join(args, ", ")
}

// preloadInsertion returns the edit adding Preload to the origin query.
// The origin must be a GORM Find into the collection (or the outer
// collection), written once in a block enclosing the loop, and select
// whole rows, and not load path already (a filtered Preload of it would
// then be overridden); the collection must be filled by nothing else.
func (s site) preloadInsertion(path, args string) (analysis.TextEdit, bool) {
	if s.Origin == nil || s.Param {
		return analysis.TextEdit{}, false
	}
	info := s.Pass.TypesInfo
	links, _ := s.d.chain(info, s.Origin)
	if len(links) == 0 || links[len(links)-1].Call != s.Origin || links[len(links)-1].Name != "Find" {
		return analysis.TextEdit{}, false
	}
	prefix, nested := "", strings.Contains(path, ".")
	if nested {
		prefix = path[:strings.LastIndex(path, ".")]
	}
	for _, l := range links[:len(links)-1] {
		if (l.Name == "Preload" || l.Name == "Joins") && len(l.Call.Args) > 0 {
			if name, ok := fixes.StringConst(info, l.Call.Args[0]); ok && name == path {
				return analysis.TextEdit{}, false // loaded already, maybe filtered: not ours to change
			} else if ok && name == prefix && len(l.Call.Args) == 1 {
				prefix = "" // the loop reads through it: it must be loaded, unfiltered
			}
		}
		if !s.d.OriginBuilders[l.Name] {
			return analysis.TextEdit{}, false // Select, Omit, Group, Raw, Model, …
		}
	}
	if s.Outer == nil && nested && prefix != "" {
		return analysis.TextEdit{}, false // the loop reads an association the origin does not load
	}
	coll := s.Collection
	if s.Outer != nil {
		coll = s.Outer
	}
	dst := s.Origin.Args[0]
	u, ok := ast.Unparen(dst).(*ast.UnaryExpr)
	if !ok || u.Op != token.AND || types.ExprString(u.X) != types.ExprString(coll) {
		return analysis.TextEdit{}, false
	}
	id, ok := ast.Unparen(u.X).(*ast.Ident)
	if !ok {
		return analysis.TextEdit{}, false
	}
	v, _ := info.Uses[id].(*types.Var)
	if v == nil || s.Writes(v) != 1 || !s.encloses(s.Origin, s.Loop) {
		return analysis.TextEdit{}, false
	}
	at := fixes.ReceiverEnd(s.Origin)
	return analysis.TextEdit{Pos: at, End: at, NewText: []byte(".Preload(" + args + ")")}, true
}

// encloses reports whether the statement holding call is written in a
// block that holds the loop too, before it: the call runs once, always
// before the loop.
func (s site) encloses(call ast.Node, loop ast.Node) bool {
	for _, n := range s.Ancestors(call) {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if b, ok := n.(*ast.BlockStmt); ok {
			return b.Pos() <= loop.Pos() && loop.End() <= b.End() && call.End() <= loop.Pos()
		}
	}
	return false
}

// readField returns the edit replacing the per-element query's statement
// by a read of the preloaded field: nothing when the query filled that
// field itself, an assignment when it filled a variable of the field's
// type. The statement is the call alone, or an if checking its error
// when the query reports no missing row (missingIsNoError).
func (s site) readField(q *loadQuery) (analysis.TextEdit, bool) {
	stmt, ok := s.queryStatement(s.missingIsNoError(q))
	if !ok {
		return analysis.TextEdit{}, false
	}
	elem := types.ExprString(q.elem)
	target := ast.Unparen(q.dst)
	u, ok := target.(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return analysis.TextEdit{}, false
	}
	info := s.Pass.TypesInfo
	fn := s.FuncOf(s.Loop)
	keep := fixes.RootVars(info, q.elem)
	switch x := ast.Unparen(u.X).(type) {
	case *ast.SelectorExpr: // Find(&p.Comments)
		if x.Sel.Name != q.assoc.Name || types.ExprString(x.X) != elem || !s.StillUsed(fn, stmt.Pos(), stmt.End(), keep...) {
			return analysis.TextEdit{}, false
		}
		return s.Removal(stmt), true
	case *ast.Ident: // First(&author): author = p.Author
		v, ok := info.Uses[x].(*types.Var)
		if !ok || !fixes.DeclaredIn(v, fn) || !s.StillUsed(fn, stmt.Pos(), stmt.End(), append(keep, v)...) {
			return analysis.TextEdit{}, false
		}
		if body := fixes.LoopBody(s.Loop); s.d.FreshTarget && (body == nil || v.Pos() < body.Pos() || v.Pos() >= body.End()) {
			return analysis.TextEdit{}, false
		}
		text := fmt.Sprintf("%s = %s.%s", x.Name, elem, q.assoc.Name)
		return analysis.TextEdit{Pos: stmt.Pos(), End: stmt.End(), NewText: []byte(text)}, true
	}
	return analysis.TextEdit{}, false
}

// missingIsNoError reports whether the loop's query reports no error
// for a missing row (a Find, or v1's Related, of nothing into a slice;
// into a struct too in v2), so that its error check has nothing left to
// catch once the field is preloaded.
func (s site) missingIsNoError(q *loadQuery) bool {
	switch q.method {
	case "Find", "Related":
		return q.assoc.Many || !s.d.FindReportsMissing
	}
	return false
}

// queryStatement returns the statement that is the query call alone, or,
// when errChecked is allowed, "if err := <call>[.Error]; err != nil {…}"
// with no else.
func (s site) queryStatement(errChecked bool) (ast.Stmt, bool) {
	path := s.Ancestors(s.Call)
	if len(path) == 0 {
		return nil, false
	}
	if es, ok := path[0].(*ast.ExprStmt); ok {
		return es, true
	}
	if !errChecked {
		return nil, false
	}
	k := 0
	if sel, ok := path[0].(*ast.SelectorExpr); ok && sel.Sel.Name == "Error" {
		k = 1
	}
	if len(path) < k+2 {
		return nil, false
	}
	as, ok := path[k].(*ast.AssignStmt)
	ifs, ok2 := path[k+1].(*ast.IfStmt)
	if !ok || !ok2 || ifs.Init != as || ifs.Else != nil || as.Tok != token.DEFINE || len(as.Lhs) != 1 {
		return nil, false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	be, ok2 := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
	if !ok || !ok2 || be.Op != token.NEQ || types.ExprString(be.X) != id.Name || types.ExprString(be.Y) != "nil" {
		return nil, false
	}
	return ifs, true
}

// writesBetween reports whether a loop the preload would move the query
// out of (the site's loop and those enclosing it after the origin) calls
// anything else that may query: a write there changes what a later
// iteration's read sees, and a preload reads everything before the loops.
func (s site) writesBetween() bool {
	loops := []ast.Stmt{s.Loop}
	for _, n := range s.Ancestors(s.Loop) {
		if _, ok := n.(*ast.FuncLit); ok {
			break
		}
		if l, ok := n.(ast.Stmt); ok && fixes.LoopBody(l) != nil && s.Origin != nil && l.Pos() > s.Origin.End() {
			loops = append(loops, l)
		}
	}
	for _, l := range loops {
		if s.MayQueryElsewhere(fixes.LoopBody(l)) {
			return true
		}
	}
	return false
}
