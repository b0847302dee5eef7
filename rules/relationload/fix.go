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
// Refused (nil): a to-one relation (both libraries join it: a missing row
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
	stmt, checked, ok := statement(s)
	if !ok || (checked && errorDiscarded(s, s.Origin)) {
		return nil
	}
	if !loopsKeep(s, stmt, field, l.Key) {
		return nil
	}
	info := s.Pass.TypesInfo
	if !s.StillUsed(s.FuncOf(s.Loop), stmt.Pos(), stmt.End(), rootVars(info, field.X)...) {
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
	if !ok {
		return nil
	}
	removal := s.Removal(stmt)
	edits = append(edits, insert, removal)
	if clause, ok := s.RangeVarsAfter(removal); ok {
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

// statement returns the statement that is the loop's query alone (or
// "_ = <query>"), or "if err := <query>; err != nil { …; return … }" with
// no else; checked says it is the latter.
func statement(s fixes.Site) (stmt ast.Stmt, checked, ok bool) {
	path := s.Ancestors(s.Call)
	if len(path) == 0 {
		return nil, false, false
	}
	if es, ok := path[0].(*ast.ExprStmt); ok {
		return es, false, true
	}
	if as, ok := path[0].(*ast.AssignStmt); ok && as.Tok == token.ASSIGN && len(as.Lhs) == 1 && types.ExprString(as.Lhs[0]) == "_" {
		return as, false, true
	}
	if len(path) < 2 {
		return nil, false, false
	}
	as, ok := path[0].(*ast.AssignStmt)
	ifs, ok2 := path[1].(*ast.IfStmt)
	if !ok || !ok2 || ifs.Init != as || ifs.Else != nil || as.Tok != token.DEFINE || len(as.Lhs) != 1 || len(ifs.Body.List) == 0 {
		return nil, false, false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	be, ok2 := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
	if !ok || !ok2 || be.Op != token.NEQ || types.ExprString(be.X) != id.Name || types.ExprString(be.Y) != "nil" {
		return nil, false, false
	}
	if _, ok := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt); !ok {
		return nil, false, false // it logs and goes on: the origin's error would stop the whole list
	}
	return ifs, true, true
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
func loopsKeep(s fixes.Site, removed ast.Stmt, field, key ast.Expr) bool {
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
		if mayQuery(s, fixes.LoopBody(l), removed) {
			return false
		}
	}
	keep := true
	fieldText, keyText := types.ExprString(field), types.ExprString(key)
	ast.Inspect(fixes.LoopBody(s.Loop), func(n ast.Node) bool {
		if !keep || n == removed {
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
			if n.Pos() < removed.Pos() && types.ExprString(n) == fieldText {
				keep = false
			}
		}
		return keep
	})
	return keep
}

// mayQuery reports whether body, the removed statement aside, calls
// anything but builtins, conversions and the standard library
// (database/sql aside), or a method of an interface.
func mayQuery(s fixes.Site, body *ast.BlockStmt, removed ast.Stmt) bool {
	info := s.Pass.TypesInfo
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found || n == removed {
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

// rootVars returns the variables an expression is built on.
func rootVars(info *types.Info, e ast.Expr) []types.Object {
	var out []types.Object
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok {
				out = append(out, v)
			}
		}
		return true
	})
	return out
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
