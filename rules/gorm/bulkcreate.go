package gorm

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

// batchSize is the batch the CreateInBatches fix writes.
const batchSize = 100

// writeAdvice says how to write all elements at once, per GORM method.
var writeAdvice = map[string]string{
	"Create":        "collect the rows and insert them with one CreateInBatches",
	"Save":          "collect the rows and save them with one Save of the slice",
	"Delete":        `delete them with one statement: Delete(&T{}, ids) or Where("id IN ?", ids).Delete(&T{})`,
	"Update":        `update them with one statement when the value is the same: Where("id IN ?", ids).Update(…)`,
	"Updates":       `update them with one statement when the values are the same: Where("id IN ?", ids).Updates(…)`,
	"UpdateColumn":  `update them with one statement when the value is the same: Where("id IN ?", ids).UpdateColumn(…)`,
	"UpdateColumns": `update them with one statement when the values are the same: Where("id IN ?", ids).UpdateColumns(…)`,
}

// bulkWrite handles a write per element (Django's bulk_create): advice
// for every GORM write, and for Create an edit that collects the rows in
// the loop and inserts them after it with one CreateInBatches.
//
// The edit is offered only when it keeps what the loop did: the Create is
// the last thing its iteration does (nothing reads the new ID); the loop
// has no return or break that would skip the rows already collected; the
// error check, if any, uses nothing of the iteration; the model has no
// create or save hooks (a batch runs them in another order); every row is
// a distinct value (a composite literal, a variable of the iteration, or
// the element itself).
func bulkWrite(s site) (string, *analysis.SuggestedFix) {
	if s.Call == nil {
		return "", nil
	}
	links, recv := chain(s.Pass.TypesInfo, s.Call)
	if len(links) == 0 || links[len(links)-1].Call != s.Call {
		return "", nil
	}
	method := links[len(links)-1].Name
	if links[len(links)-1].Fn.Signature().Recv().Type().String() != "*gorm.io/gorm.DB" {
		return "", nil
	}
	advice := writeAdvice[method]
	if method != "Create" || len(s.Call.Args) != 1 {
		return advice, nil
	}
	if s.mayQueryElsewhere(fixes.LoopBody(s.Loop)) {
		// Check-then-insert: an earlier iteration's insert can change
		// what a later one reads, so the inserts cannot wait for the end.
		return advice + checkThenInsertAdvice, nil
	}
	fix, note := s.bulkCreate(links, recv)
	return advice + note, fix
}

// Why a batch would store other rows than the loop did, said after the
// advice when that is what stops the fix.
const (
	ignoredErrorsNote = "; the loop goes on past a failing insert, and one batch fails as a whole: declare the unique key that rejects rows (the batch then passes over repeats with ON CONFLICT DO NOTHING) or check each error"
	stopsEarlyNote    = "; the loop stops at the first failing insert and keeps the rows before it unless a transaction rolls them back, while one batch stores none (batched when the loop is a Transaction callback's, returning the error)"
)

// checkThenInsertAdvice completes the advice for a loop that reads before
// it inserts.
const checkThenInsertAdvice = "; the loop reads before it inserts, so de-duplicate the keys first (a key repeated in the input would be inserted twice) and look the existing ones up with one query"

// mayQueryElsewhere reports whether body calls anything, outside the
// site's own query, that may run a query: any call but builtins,
// conversions and the standard library's functions (database/sql
// aside). A read there sees the rows earlier iterations inserted (find or
// count by key, create when missing), and a write there is seen by later
// iterations' reads; a query moved out of the loop changes both.
func (s site) mayQueryElsewhere(body *ast.BlockStmt) bool {
	if body == nil {
		return false
	}
	info := s.Pass.TypesInfo
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		if call == s.Call { // its chain is the write; its arguments count
			for _, a := range call.Args {
				found = found || s.mayQueryElsewhere(&ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: a}}})
			}
			return false
		}
		if tv, ok := info.Types[call.Fun]; ok && (tv.IsType() || tv.IsBuiltin()) {
			return true
		}
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil || !standardLibrary(fn.Pkg().Path()) {
			found = true
			return false
		}
		if sig, _ := fn.Type().(*types.Signature); sig != nil && sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
			found = true // an interface method: any implementation
			return false
		}
		return true
	})
	return found
}

// standardLibrary reports whether path is a standard library package that
// cannot reach a database.
func standardLibrary(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") && path != "database/sql" && !strings.HasPrefix(path, "database/sql/")
}

func (s site) bulkCreate(links []fixes.Link, recv ast.Expr) (*analysis.SuggestedFix, string) {
	info := s.Pass.TypesInfo
	body := fixes.LoopBody(s.Loop)
	stmt, ok := s.queryStatement(true)
	if !ok || body == nil || !s.lastInIteration(stmt, body) || !s.leavesOnlyByContinue(body, stmt) {
		return nil, ""
	}
	// What moves after the loop must mean the same there.
	if ifs, ok := stmt.(*ast.IfStmt); ok && s.mentionsIteration(ifs.Body, stmt) {
		return nil, ""
	}
	for _, l := range links[:len(links)-1] {
		if s.mentionsIteration(l.Call, stmt) {
			return nil, ""
		}
	}
	if s.mentionsIteration(recv, stmt) {
		return nil, ""
	}
	arg := s.Call.Args[0]
	elem, ok := s.distinctRow(arg)
	if !ok || hasWriteHooks(elem) {
		return nil, ""
	}
	typ, ok := s.typeText(elem, arg)
	if !ok {
		return nil, ""
	}
	// A failing insert: the loop either goes on (its error is not
	// checked, or checked and let pass) or stops with the rows before it
	// stored. One batch stores all or none.
	method := fmt.Sprintf("CreateInBatches(&%%s, %d)", batchSize)
	var imports []analysis.TextEdit
	if ifs, checked := stmt.(*ast.IfStmt); !checked || !stopsLoop(ifs) {
		// Going on: the batch must skip what the database rejects. Only
		// conflicts on a key the model declares are expected; anything
		// else would fail the whole batch.
		if checked || !hasUniqueKey(elem) {
			return nil, ignoredErrorsNote
		}
		// The skipped rows return no ID, so GORM could hand the IDs it gets
		// back to the wrong rows: only rows nobody sees again may go.
		if _, lit := ast.Unparen(ast.Unparen(arg).(*ast.UnaryExpr).X).(*ast.CompositeLit); !lit {
			return nil, ""
		}
		pkg, imp, ok := s.Import("gorm.io/gorm/clause", "clause")
		if !ok {
			return nil, ""
		}
		if imp != nil {
			imports = append(imports, *imp)
		}
		method = "Clauses(" + pkg + ".OnConflict{DoNothing: true})." + method
	} else if !s.inTransaction(recv, ifs) {
		// Stopping: the rows before the failure stay only outside a
		// transaction rolled back by the error.
		return nil, stopsEarlyNote
	}
	name := s.freshName(s.batchNames()...)
	if name == "" {
		return nil, ""
	}
	indent := s.Indent(s.Loop.Pos())
	decl := fmt.Sprintf("var %s []*%s", name, typ)
	if rng, ok := s.Loop.(*ast.RangeStmt); ok && isPlainPath(rng.X) && hasLen(info.TypeOf(rng.X)) {
		decl = fmt.Sprintf("%s := make([]*%s, 0, len(%s))", name, typ, s.Text(rng.X))
	}
	moved, ok := s.movedStatement(stmt, fmt.Sprintf(method, name), indent+"\t")
	if !ok {
		return nil, ""
	}
	return &analysis.SuggestedFix{
		Message: fmt.Sprintf("collect the rows in %s and insert them after the loop with one CreateInBatches", name),
		TextEdits: append(imports,
			analysis.TextEdit{Pos: s.Loop.Pos(), End: s.Loop.Pos(), NewText: []byte(decl + "\n" + indent)},
			analysis.TextEdit{Pos: stmt.Pos(), End: stmt.End(), NewText: []byte(fmt.Sprintf("%s = append(%s, %s)", name, name, s.Text(arg)))},
			analysis.TextEdit{Pos: s.Loop.End(), End: s.Loop.End(), NewText: []byte(fmt.Sprintf("\n%sif len(%s) > 0 {\n%s\t%s\n%s}", indent, name, indent, moved, indent))},
		),
	}, ""
}

// stopsLoop reports whether an error check ends its iteration's loop: its
// body ends in a return (the only exit leavesOnlyByContinue lets it have).
func stopsLoop(ifs *ast.IfStmt) bool {
	n := len(ifs.Body.List)
	if n == 0 {
		return false
	}
	_, ok := ifs.Body.List[n-1].(*ast.ReturnStmt)
	return ok
}

// inTransaction reports whether the failing insert's return rolls back the
// rows inserted before it: the loop is the body of a function literal
// passed to (*gorm.DB).Transaction, the insert goes through that
// function's handle, and the check returns its error (or wraps it with
// fmt.Errorf), which GORM answers with a rollback.
func (s site) inTransaction(recv ast.Expr, ifs *ast.IfStmt) bool {
	info := s.Pass.TypesInfo
	fl, ok := s.FuncOf(s.Loop).(*ast.FuncLit)
	if !ok || len(fl.Type.Params.List) == 0 || len(fl.Type.Params.List[0].Names) == 0 {
		return false
	}
	path := s.Ancestors(fl)
	if len(path) == 0 {
		return false
	}
	call, ok := path[0].(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || call.Args[0] != fl {
		return false
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Name() != "Transaction" || fn.Signature().Recv() == nil || fn.Signature().Recv().Type().String() != "*gorm.io/gorm.DB" {
		return false
	}
	root, ok := ast.Unparen(recv).(*ast.Ident)
	if !ok || info.Uses[root] == nil || info.Uses[root] != info.Defs[fl.Type.Params.List[0].Names[0]] {
		return false
	}
	ret := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt)
	if len(ret.Results) != 1 {
		return false
	}
	errVar := info.Defs[ifs.Init.(*ast.AssignStmt).Lhs[0].(*ast.Ident)]
	switch r := ast.Unparen(ret.Results[0]).(type) {
	case *ast.Ident:
		return errVar != nil && info.Uses[r] == errVar
	case *ast.CallExpr:
		f, _ := typeutil.Callee(info, r).(*types.Func)
		return f != nil && f.Pkg() != nil && f.Pkg().Path() == "fmt" && f.Name() == "Errorf"
	}
	return false
}

// lastInIteration reports whether stmt is the last statement its
// iteration runs: last of its block, and of each enclosing block up to
// the loop body, through if statements only.
func (s site) lastInIteration(stmt ast.Stmt, body *ast.BlockStmt) bool {
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

// leavesOnlyByContinue reports whether every iteration reaches its end or
// a plain continue: outside function literals, the loop body has no
// return (but in stmt, which moves out of the loop), and no branch
// statement but continue (none in stmt).
func (s site) leavesOnlyByContinue(body *ast.BlockStmt, stmt ast.Stmt) bool {
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
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

// mentionsIteration reports whether n refers to a variable declared in the
// loop outside stmt (stmt's own, such as err, move with it).
func (s site) mentionsIteration(n ast.Node, stmt ast.Stmt) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		if id, ok := x.(*ast.Ident); ok {
			if v, ok := s.Pass.TypesInfo.Uses[id].(*types.Var); ok && fixes.DeclaredIn(v, s.Loop) && !fixes.DeclaredIn(v, stmt) {
				found = true
			}
		}
		return !found
	})
	return found
}

// distinctRow returns the model a Create argument points to when every
// iteration passes a different row: &T{…}, &v with v declared in the
// iteration (Go 1.22 gives range variables one per iteration), or the
// element itself (&items[i]).
func (s site) distinctRow(arg ast.Expr) (*types.Named, bool) {
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
		if !ok || !fixes.DeclaredIn(v, s.Loop) {
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
func (s site) perIterationVars() bool {
	v := s.Pass.TypesInfo.FileVersions[s.File]
	return v == "" || v >= "go1.22"
}

// hasWriteHooks reports whether GORM calls hooks around creating t.
func hasWriteHooks(t *types.Named) bool {
	for _, name := range []string{"BeforeSave", "BeforeCreate", "AfterCreate", "AfterSave"} {
		if obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), true, t.Obj().Pkg(), name); obj != nil {
			if _, ok := obj.(*types.Func); ok {
				return true
			}
		}
	}
	return false
}

// typeText writes t as the file spells it: its own name for this
// package's types, the import's name for others; false if the file does
// not import t's package. A composite literal's own type text is used
// as is.
func (s site) typeText(t *types.Named, arg ast.Expr) (string, bool) {
	if lit, ok := ast.Unparen(ast.Unparen(arg).(*ast.UnaryExpr).X).(*ast.CompositeLit); ok {
		if text := s.Text(lit.Type); text != "" {
			return text, true
		}
	}
	ok := true
	text := types.TypeString(t, func(p *types.Package) string {
		if p == s.Pass.Pkg {
			return ""
		}
		for _, imp := range s.File.Imports {
			if strings.Trim(imp.Path.Value, `"`) != p.Path() {
				continue
			}
			if imp.Name != nil {
				return imp.Name.Name
			}
			return p.Name()
		}
		ok = false
		return p.Name()
	})
	return text, ok
}

// batchNames are the names the loop's rows may take: the fixes of other
// loops of the function, applied with this one, pick from their own
// (rows, rows2, … by the loop's rank among those holding a Create), so
// that their declarations never clash.
func (s site) batchNames() []string {
	rank := 0
	ast.Inspect(s.FuncOf(s.Loop), func(n ast.Node) bool {
		l, ok := n.(ast.Stmt)
		if !ok || fixes.LoopBody(l) == nil || l.Pos() >= s.Loop.Pos() {
			return true
		}
		if s.holdsCreate(l) {
			rank++
		}
		return true
	})
	if rank == 0 {
		return []string{"rows", "batch", "pending", "toCreate"}
	}
	var out []string
	for _, c := range []string{"rows", "batch", "pending", "toCreate"} {
		out = append(out, fmt.Sprintf("%s%d", c, rank+1))
	}
	return out
}

// holdsCreate reports whether loop's body calls (*gorm.DB).Create.
func (s site) holdsCreate(loop ast.Stmt) bool {
	found := false
	ast.Inspect(fixes.LoopBody(loop), func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if fn, _ := typeutil.Callee(s.Pass.TypesInfo, call).(*types.Func); fn != nil && fn.Name() == "Create" && fn.Signature().Recv() != nil && fn.Signature().Recv().Type().String() == "*gorm.io/gorm.DB" {
				found = true
			}
		}
		return !found
	})
	return found
}

// freshName returns the first name no identifier of the loop's function
// or the package uses, so a declaration of it shadows nothing.
func (s site) freshName(candidates ...string) string {
	used := map[string]bool{}
	ast.Inspect(s.FuncOf(s.Loop), func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			used[id.Name] = true
		}
		return true
	})
	for _, c := range candidates {
		if !used[c] && s.Pass.Pkg.Scope().Lookup(c) == nil && types.Universe.Lookup(c) == nil {
			return c
		}
	}
	return ""
}

// isPlainPath reports whether e is a variable or a field path on one,
// cheap and safe to evaluate again.
func isPlainPath(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return isPlainPath(e.X)
	}
	return false
}

func hasLen(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Slice, *types.Map, *types.Array:
		return true
	}
	return false
}

// movedStatement returns stmt's text with the Create replaced by call
// (a CreateInBatches of the collected rows), re-indented to indent.
func (s site) movedStatement(stmt ast.Stmt, call, indent string) (string, bool) {
	text := s.Text(stmt)
	sel := ast.Unparen(s.Call.Fun).(*ast.SelectorExpr)
	src, tf := s.Source(stmt.Pos())
	if text == "" || src == nil {
		return "", false
	}
	from, to := tf.Offset(sel.Sel.Pos())-tf.Offset(stmt.Pos()), tf.Offset(s.Call.End())-tf.Offset(stmt.Pos())
	text = text[:from] + call + text[to:]
	old := s.Indent(stmt.Pos())
	lines := strings.Split(text, "\n")
	for i := 1; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], old) {
			return "", false // a raw string spanning lines, or odd indentation
		}
		lines[i] = indent + strings.TrimPrefix(lines[i], old)
	}
	return strings.Join(lines, "\n"), true
}
