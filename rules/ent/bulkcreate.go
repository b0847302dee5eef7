package ent

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/nplusonelint/nplusonelint/fixes"
)

const (
	bulkAdvice = "build the rows in the loop and save them once with CreateBulk(builders...) or MapCreateBulk(slice, set); one Update()/Delete() with Where(x.IDIn(ids...)) for other writes"
	// stopsEarlyNote says why a create stopping at its first error, outside
	// a transaction rolled back there, keeps its loop.
	stopsEarlyNote = "; the loop stops at the first failing create and keeps the rows before it, while one CreateBulk stores none: batched when the error rolls back the transaction (tx.Rollback() before the return)"
)

// bulkCreate handles a create per element (Django's bulk_create): the
// builders are collected in the loop and saved after it with one
// CreateBulk, which inserts them with one statement.
//
// The edit is offered only when it keeps what the loop did: the create
// runs on a transaction (the generated Tx) through a client the same in
// every iteration; its node is not used (no ID read back in the
// iteration); it is the iteration's last act, with no way out of the
// loop but its error check; that check stops the loop, rolls the
// transaction back and returns the error with nothing of the iteration (so
// none of the rows stays, as none would of a failed bulk); nothing else in
// the loop, the setters' arguments included, may query (a read there
// would no longer see the rows earlier iterations created); the entity
// declares no schema hooks (they would all run before the one insert).
// CreateBulk runs the builders' defaults, validators and client hooks per
// row, as Save did, and an empty bulk sends nothing.
func bulkCreate(s fixes.Site) (string, *analysis.SuggestedFix) {
	if s.Call == nil || s.File == nil || fixes.LoopBody(s.Loop) == nil {
		return bulkAdvice, nil
	}
	info := s.Pass.TypesInfo
	sel, ok := ast.Unparen(s.Call.Fun).(*ast.SelectorExpr)
	if !ok || (sel.Sel.Name != "Save" && sel.Sel.Name != "Exec") {
		return bulkAdvice, nil
	}
	builder := namedOf(info.TypeOf(sel.X))
	if builder == nil || !isGeneratedPackage(builder.Obj().Pkg()) || !strings.HasSuffix(builder.Obj().Name(), "Create") {
		return bulkAdvice, nil
	}
	// The chain: client.Create().SetX(…)….Save(ctx).
	links, client := fixes.Chain(info, s.Call, func(fn *types.Func) bool {
		recv := fn.Signature().Recv()
		return recv != nil && (namedOf(recv.Type()) == builder || fn.Name() == "Create")
	})
	if len(links) < 2 || links[0].Name != "Create" || links[len(links)-1].Call != s.Call {
		return bulkAdvice, nil
	}
	clientType := namedOf(info.TypeOf(client))
	if clientType == nil || method(clientType, "CreateBulk") == nil || !fixes.Invariant(info, client, s.Loop) {
		return bulkAdvice, nil
	}
	tx := fixes.PathRoot(client)
	if tx == nil || !isTx(info.TypeOf(tx)) {
		return bulkAdvice + stopsEarlyNote, nil
	}
	if hasSchemaHooks(builder) {
		return bulkAdvice, nil
	}
	check, moving, ok := errorCheck(s)
	if !ok {
		return bulkAdvice, nil
	}
	if !rollsBack(info, check, info.Uses[tx]) || !returnsOnlyErr(info, check) {
		return bulkAdvice + stopsEarlyNote, nil
	}
	first := moving[0]
	if !s.LastInIteration(check) || !s.LeavesOnlyByContinue(check) || s.MentionsIteration(check.Body, first) {
		return bulkAdvice, nil
	}
	for _, a := range s.Call.Args {
		if s.MentionsIteration(a, first) {
			return bulkAdvice, nil
		}
	}
	if mayQueryBesides(s, links, moving) {
		return bulkAdvice, nil
	}
	name := s.FreshName(s.BatchNames(func(loop ast.Stmt) bool { return holdsCreate(info, loop) })...)
	typ, ok := s.TypeText(builder, nil)
	if name == "" || !ok {
		return bulkAdvice, nil
	}
	bulk := fmt.Sprintf("%s.CreateBulk(%s...).%s", s.Text(client), name, sel.Sel.Name)
	indent := s.Indent(s.Loop.Pos()) + "\t"
	moved, ok := s.MovedStatement(first, links[0].Call.Pos(), sel.Sel.End(), bulk, indent)
	if !ok {
		return bulkAdvice, nil
	}
	edits := s.CollectEdits(first, name, typ, s.Text(sel.X), moved)
	if len(moving) == 2 { // the check follows the create: it moves too
		rest, ok := s.MovedStatement(check, check.Pos(), check.Pos(), "", indent)
		if !ok {
			return bulkAdvice, nil
		}
		last := &edits[len(edits)-1]
		last.NewText = []byte(strings.Replace(string(last.NewText), moved, moved+"\n"+indent+rest, 1))
		edits = append(edits, gapRemoval(s, first, check))
	}
	return bulkAdvice, &analysis.SuggestedFix{
		Message:   fmt.Sprintf("collect the builders in %s and save them after the loop with one CreateBulk", name),
		TextEdits: edits,
	}
}

// errorCheck returns the create's error check and the statements that
// move after the loop: `if _, err := create; err != nil {…}` (or `if err
// := ….Exec(ctx); …`) alone, or `_, err := create` (or `err :=`, `=`)
// followed by `if err != nil {…}`. The check has no else.
func errorCheck(s fixes.Site) (*ast.IfStmt, []ast.Stmt, bool) {
	info := s.Pass.TypesInfo
	path := s.Ancestors(s.Call)
	if len(path) < 2 {
		return nil, nil, false
	}
	errOf := func(as *ast.AssignStmt) types.Object {
		if len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != s.Call || len(as.Lhs) == 0 || !fixes.Blanks(as.Lhs[:len(as.Lhs)-1]...) {
			return nil
		}
		id, ok := as.Lhs[len(as.Lhs)-1].(*ast.Ident)
		if !ok {
			return nil
		}
		return info.ObjectOf(id)
	}
	checks := func(ifs *ast.IfStmt, err types.Object) bool {
		cond, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
		return ok && err != nil && ifs.Else == nil && cond.Op == token.NEQ &&
			fixes.IsIdentOf(info, cond.X, err) && info.Types[cond.Y].IsNil()
	}
	as, ok := path[0].(*ast.AssignStmt)
	if !ok {
		return nil, nil, false
	}
	if ifs, ok := path[1].(*ast.IfStmt); ok && ifs.Init == as {
		return ifs, []ast.Stmt{ifs}, checks(ifs, errOf(as))
	}
	block, ok := path[1].(*ast.BlockStmt)
	if !ok {
		return nil, nil, false
	}
	for i, st := range block.List[:len(block.List)-1] {
		if st != as {
			continue
		}
		ifs, ok := block.List[i+1].(*ast.IfStmt)
		if !ok || ifs.Init != nil {
			return nil, nil, false
		}
		return ifs, []ast.Stmt{as, ifs}, checks(ifs, errOf(as))
	}
	return nil, nil, false
}

// rollsBack reports whether the check's body is tx.Rollback() calls (or
// `_ = tx.Rollback()`) on the create's transaction, then a return.
func rollsBack(info *types.Info, check *ast.IfStmt, tx types.Object) bool {
	list := check.Body.List
	if len(list) < 2 {
		return false
	}
	if _, ok := list[len(list)-1].(*ast.ReturnStmt); !ok {
		return false
	}
	for _, st := range list[:len(list)-1] {
		var call ast.Expr
		switch st := st.(type) {
		case *ast.ExprStmt:
			call = st.X
		case *ast.AssignStmt:
			if len(st.Rhs) != 1 || !fixes.Blanks(st.Lhs...) {
				return false
			}
			call = st.Rhs[0]
		default:
			return false
		}
		c, ok := ast.Unparen(call).(*ast.CallExpr)
		if !ok || len(c.Args) != 0 {
			return false
		}
		sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Rollback" || !fixes.IsIdentOf(info, sel.X, tx) {
			return false
		}
	}
	return true
}

// returnsOnlyErr reports whether the check returns the error (as is or
// wrapped by fmt.Errorf) last, and before it constants, nil or empty
// composite literals only: the same whichever row failed.
func returnsOnlyErr(info *types.Info, check *ast.IfStmt) bool {
	ret := check.Body.List[len(check.Body.List)-1].(*ast.ReturnStmt)
	if len(ret.Results) == 0 {
		return false
	}
	cond := ast.Unparen(check.Cond).(*ast.BinaryExpr)
	err := info.ObjectOf(ast.Unparen(cond.X).(*ast.Ident))
	for _, r := range ret.Results[:len(ret.Results)-1] {
		tv := info.Types[r]
		lit, isLit := ast.Unparen(r).(*ast.CompositeLit)
		if tv.Value == nil && !tv.IsNil() && !(isLit && len(lit.Elts) == 0) {
			return false
		}
	}
	switch last := ast.Unparen(ret.Results[len(ret.Results)-1]).(type) {
	case *ast.Ident:
		return info.ObjectOf(last) == err
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, last).(*types.Func)
		return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && fn.Name() == "Errorf"
	}
	return false
}

// mayQueryBesides reports whether the loop body may query anywhere but in
// the moving statements, or in the arguments of the create's setters.
func mayQueryBesides(s fixes.Site, links []fixes.Link, moving []ast.Stmt) bool {
	for _, l := range links {
		for _, a := range l.Call.Args {
			if s.MayQueryElsewhere(&ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: a}}}) {
				return true
			}
		}
	}
	skip := make([]ast.Node, len(moving))
	for i, m := range moving {
		skip[i] = m
	}
	return s.MayQueryBesides(skip...)
}

// holdsCreate reports whether loop's body saves a generated create
// builder: the loops whose fixes name their rows apart.
func holdsCreate(info *types.Info, loop ast.Stmt) bool {
	found := false
	ast.Inspect(fixes.LoopBody(loop), func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if fn, _ := typeutil.Callee(info, call).(*types.Func); fn != nil && (fn.Name() == "Save" || fn.Name() == "Exec") && fn.Signature().Recv() != nil {
				if b := namedOf(fn.Signature().Recv().Type()); b != nil && isGeneratedPackage(b.Obj().Pkg()) && strings.HasSuffix(b.Obj().Name(), "Create") {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// namedOf returns t's named type, through a pointer; nil for others.
func namedOf(t types.Type) *types.Named {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// isTx reports whether t is the generated transaction, *Tx of an
// ent-generated package with Commit and Rollback.
func isTx(t types.Type) bool {
	n := namedOf(t)
	return n != nil && n.Obj().Name() == "Tx" && isGeneratedPackage(n.Obj().Pkg()) &&
		method(n, "Commit") != nil && method(n, "Rollback") != nil
}

// hasSchemaHooks reports whether the entity of builder (PostCreate:
// package post) declares the Hooks the schema's Hooks() fill.
func hasSchemaHooks(builder *types.Named) bool {
	entity := strings.ToLower(strings.TrimSuffix(builder.Obj().Name(), "Create"))
	path := builder.Obj().Pkg().Path() + "/" + entity
	for _, imp := range builder.Obj().Pkg().Imports() {
		if imp.Path() == path {
			return imp.Scope().Lookup("Hooks") != nil
		}
	}
	return true // not found: unknown, so assume hooks
}

// gapRemoval deletes check, which follows first, with the blank lines
// between them: from the end of first's line (a trailing comment stays) to
// the check's end. A comment between them keeps its lines: then only the
// check's own go.
func gapRemoval(s fixes.Site, first, check ast.Stmt) analysis.TextEdit {
	src, tf := s.Source(first.End())
	if src == nil {
		return s.Removal(check)
	}
	end := tf.Offset(first.End())
	for end < len(src) && src[end] != '\n' {
		end++
	}
	from := tf.Pos(end)
	for _, cg := range s.File.Comments {
		if from <= cg.Pos() && cg.Pos() < check.Pos() {
			return s.Removal(check)
		}
	}
	return analysis.TextEdit{Pos: from, End: check.End()}
}
