package relationload

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/nplusonelint/nplusonelint/fixes"
)

// Fix makes the eager load in the one shape where Relation keeps what the
// loop did: a has-many read straight into the element's relation field,
// Model(&p.Comments).Where("post_id = ?", p.ID)[.Where(const…)][.Order(…)]
// run with the library's plain finisher. Both libraries load a has-many
// with a second query, WHERE post_id IN (…) plus the func form's
// conditions and order, and hand each parent its rows in the order they
// were read, so the func form keeps the loop's constant conditions and
// its per-element order. The query that loaded the collection gets
// .Relation(…) and the loop's statement goes.
//
// Refused (nil): the loop's query and the origin starting from different
// handles or run with different contexts; a to-one relation (both libraries join it: a missing row
// leaves the field nil or zero where the query returned "no rows"); a
// Limit, Column, Join, … in the loop's query (Recognise); an origin that
// is a parameter, not written once in a block enclosing the loop, using
// another builder than the library's neutral ones, loading the relation
// already or a relation below it, or (nested path) not loading the
// relation the loop ranges over unfiltered; an error check whose body
// does not return, or whose error the origin would then discard; a loop
// (or a loop around it after the origin) that calls anything else that
// may query (the relation reads before the loop and would miss what an
// earlier iteration wrote), writes the key, or reads the field before
// the query; an edit leaving a variable or import unused.
func Fix(s fixes.Site, lib *Library, l *Load) *analysis.SuggestedFix {
	if s.Origin == nil || s.Param || l.Rel.Kind != HasMany || l.Finisher.Name != lib.Finisher || len(l.Finisher.Call.Args) != lib.FinisherArgs {
		return nil
	}
	field, ok := addressOf(l.Dst).(*ast.SelectorExpr)
	if !ok || field.Sel.Name != l.Rel.Name || s.ElementOf(field.X) == nil || types.ExprString(s.ElementOf(field.X)) != types.ExprString(s.ElementOf(l.Key.X)) {
		return nil
	}
	for _, c := range l.Carried {
		for _, a := range c.Args {
			if mentions(a, "q") {
				return nil // the func form's parameter would shadow it
			}
		}
	}
	span, checked, ok := statement(s)
	if !ok || (checked && errorDiscarded(s, s.Origin)) {
		return nil
	}
	from, to := span[0].Pos(), span[len(span)-1].End()
	if !loopsKeep(s, from, to, field, l.Key) {
		return nil
	}
	info := s.Pass.TypesInfo
	if !s.StillUsed(s.FuncOf(s.Loop), from, to, fixes.RootVars(info, field.X)...) {
		return nil
	}
	var edits []analysis.TextEdit
	pkg := lib.FuncName
	if len(l.Carried) > 0 {
		name, imp, ok := s.Import(lib.FuncPath, lib.FuncName)
		if !ok {
			return nil
		}
		if imp != nil {
			edits = append(edits, *imp)
		}
		pkg = name
	}
	args := l.Args(s, lib, pkg)
	insert, ok := insertion(s, lib, l.Path, args)
	if !ok || !sameHandle(s, lib, s.Call, s.Origin) {
		return nil
	}
	edits = append(edits, insert)
	var removals []analysis.TextEdit
	for _, st := range span {
		removals = append(removals, s.Removal(st))
	}
	edits = append(edits, removals...)
	if clause, ok := s.RangeVarsAfter(removals...); ok {
		edits = append(edits, clause)
	}
	loaded := s.Collection
	if s.Outer != nil {
		loaded = s.Outer
	}
	return &analysis.SuggestedFix{
		Message:   fmt.Sprintf("Relation(%s) in the query loading %s, and drop the query per element", args, types.ExprString(loaded)),
		TextEdits: edits,
	}
}

// insertion returns the edit adding Relation to the query that loaded the
// collection (the outer one for a nested path): Model(&posts)[.Where(…)…]
// and the finisher, written in a block enclosing the loop, before it, the
// collection a variable written nowhere else.
func insertion(s fixes.Site, lib *Library, path, args string) (analysis.TextEdit, bool) {
	info := s.Pass.TypesInfo
	links := lib.Chain(info, s.Origin)
	if len(links) == 0 || links[len(links)-1].Call != s.Origin || links[len(links)-1].Name != lib.Finisher || len(s.Origin.Args) != lib.FinisherArgs {
		return analysis.TextEdit{}, false
	}
	coll := s.Collection
	prefix := ""
	if s.Outer != nil {
		coll, prefix = s.Outer, path[:strings.LastIndex(path, ".")]
	}
	model, prefixLoaded := false, prefix == ""
	for _, link := range links[:len(links)-1] {
		if dst, ok := lib.Model(link); ok {
			id, ok := addressOf(dst).(*ast.Ident)
			if !ok || types.ExprString(id) != types.ExprString(coll) {
				return analysis.TextEdit{}, false
			}
			v, _ := info.Uses[id].(*types.Var)
			if v == nil || s.Writes(v) != 1 {
				return analysis.TextEdit{}, false
			}
			model = true
			continue
		}
		switch {
		case link.Name == "Relation":
			name, ok := fixes.StringConst(info, link.Call.Args[0])
			if !ok || name == path || strings.HasPrefix(name, path+".") {
				return analysis.TextEdit{}, false // loaded already, maybe filtered, or joined into it
			}
			if name == prefix && len(link.Call.Args) == 1 {
				prefixLoaded = true
			}
		case slices.Contains(lib.Start, link.Name), slices.Contains(lib.OriginBuilders, link.Name):
		default:
			return analysis.TextEdit{}, false
		}
	}
	if !model || !prefixLoaded || !encloses(s, s.Origin) {
		return analysis.TextEdit{}, false
	}
	at := fixes.ReceiverEnd(s.Origin)
	return analysis.TextEdit{Pos: at, End: at, NewText: []byte(".Relation(" + args + ")")}, true
}

// sameHandle reports whether two queries start from the same handle (a
// loop reading through a transaction sees its writes, the origin's db
// would not) and run with the same arguments (the context).
func sameHandle(s fixes.Site, lib *Library, a, b *ast.CallExpr) bool {
	root := func(call *ast.CallExpr) string {
		links := lib.Chain(s.Pass.TypesInfo, call)
		return types.ExprString(ast.Unparen(links[0].Call.Fun).(*ast.SelectorExpr).X)
	}
	if root(a) != root(b) || len(a.Args) != len(b.Args) {
		return false
	}
	for i := range a.Args {
		if types.ExprString(a.Args[i]) != types.ExprString(b.Args[i]) {
			return false
		}
	}
	return true
}

// statement returns the statements that are the loop's query: the call
// alone (or "_ = <query>"), "if err := <query>; err != nil { …; return … }"
// with no else, or "err := <query>" followed by such an if, err used
// nowhere else; checked says the error is checked.
func statement(s fixes.Site) (span []ast.Stmt, checked, ok bool) {
	path := s.Ancestors(s.Call)
	if len(path) < 2 {
		return nil, false, false
	}
	if es, ok := path[0].(*ast.ExprStmt); ok {
		return []ast.Stmt{es}, false, true
	}
	as, ok := path[0].(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return nil, false, false
	}
	if as.Tok == token.ASSIGN && types.ExprString(as.Lhs[0]) == "_" {
		return []ast.Stmt{as}, false, true
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok || as.Tok != token.DEFINE {
		return nil, false, false
	}
	if ifs, ok := path[1].(*ast.IfStmt); ok && ifs.Init == as && returnsOn(ifs, id) {
		return []ast.Stmt{ifs}, true, true
	}
	block, ok := path[1].(*ast.BlockStmt)
	if !ok {
		return nil, false, false
	}
	i := slices.Index(block.List, ast.Stmt(as))
	if i < 0 || i+1 == len(block.List) {
		return nil, false, false
	}
	ifs, ok := block.List[i+1].(*ast.IfStmt)
	if !ok || ifs.Init != nil || !returnsOn(ifs, id) {
		return nil, false, false
	}
	obj := s.Pass.TypesInfo.Defs[id]
	for use, o := range s.Pass.TypesInfo.Uses {
		if o == obj && (use.Pos() < as.Pos() || use.Pos() >= ifs.End()) {
			return nil, false, false
		}
	}
	return []ast.Stmt{as, ifs}, true, true
}

// returnsOn reports whether ifs is "if err != nil { …; return … }" with no
// else: an error check that leaves the function (one that logs and goes
// on would be stopped by the origin's check instead).
func returnsOn(ifs *ast.IfStmt, err *ast.Ident) bool {
	be, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
	if !ok || ifs.Else != nil || be.Op != token.NEQ || types.ExprString(be.X) != err.Name || types.ExprString(be.Y) != "nil" || len(ifs.Body.List) == 0 {
		return false
	}
	_, ok = ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt)
	return ok
}

// errorDiscarded reports whether the statement holding call drops its
// error: the call alone, or assigned to _.
func errorDiscarded(s fixes.Site, call *ast.CallExpr) bool {
	path := s.Ancestors(call)
	if len(path) == 0 {
		return true
	}
	switch p := path[0].(type) {
	case *ast.ExprStmt:
		return true
	case *ast.AssignStmt:
		for _, l := range p.Lhs {
			if types.ExprString(l) != "_" {
				return false
			}
		}
		return true
	}
	return false
}

// loopsKeep reports whether moving the loop's query to the origin keeps
// what the loops see: the site's loop and those enclosing it after the
// origin call nothing else that may query, the site's loop writes no
// part of the key and reads the field nowhere before the query.
func loopsKeep(s fixes.Site, from, to token.Pos, field, key ast.Expr) bool {
	loops := []ast.Stmt{s.Loop}
	for _, n := range s.Ancestors(s.Loop) {
		if _, ok := n.(*ast.FuncLit); ok {
			break
		}
		if l, ok := n.(ast.Stmt); ok && fixes.LoopBody(l) != nil && l.Pos() > s.Origin.End() {
			loops = append(loops, l)
		}
	}
	for _, l := range loops {
		if mayQuery(s, fixes.LoopBody(l), from, to) {
			return false
		}
	}
	keep := true
	fieldText, keyText := types.ExprString(field), types.ExprString(key)
	ast.Inspect(fixes.LoopBody(s.Loop), func(n ast.Node) bool {
		if !keep || n != nil && from <= n.Pos() && n.End() <= to {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if t := types.ExprString(l); t == keyText || strings.HasPrefix(keyText, t+".") || t == fieldText {
					keep = false
				}
			}
		case *ast.IncDecStmt:
			if types.ExprString(n.X) == keyText {
				keep = false
			}
		case ast.Expr:
			if n.Pos() < from && types.ExprString(n) == fieldText {
				keep = false
			}
		}
		return keep
	})
	return keep
}

// mayQuery reports whether body, the removed range [from, to) aside, calls
// anything but builtins, conversions and the standard library
// (database/sql aside), or a method of an interface.
func mayQuery(s fixes.Site, body *ast.BlockStmt, from, to token.Pos) bool {
	info := s.Pass.TypesInfo
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found || n != nil && from <= n.Pos() && n.End() <= to {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if tv, ok := info.Types[call.Fun]; ok && (tv.IsType() || tv.IsBuiltin()) {
			return true
		}
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil || strings.Contains(strings.Split(fn.Pkg().Path(), "/")[0], ".") || strings.HasPrefix(fn.Pkg().Path(), "database/sql") {
			found = true
		} else if sig := fn.Signature(); sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
			found = true
		}
		return !found
	})
	return found
}

// encloses reports whether the statement holding call is written in a
// block that holds the loop too, before it, outside any closure.
func encloses(s fixes.Site, call ast.Node) bool {
	for _, n := range s.Ancestors(call) {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if b, ok := n.(*ast.BlockStmt); ok {
			return b.Pos() <= s.Loop.Pos() && s.Loop.End() <= b.End() && call.End() <= s.Loop.Pos()
		}
	}
	return false
}

// mentions reports whether n holds an identifier spelled name.
func mentions(n ast.Node, name string) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == name {
			found = true
		}
		return !found
	})
	return found
}
