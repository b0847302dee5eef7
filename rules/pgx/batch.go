package pgx

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/nplusonelint/nplusonelint/fixes"
)

// batchFix queues a transaction's Exec per element into one pgx.Batch
// sent once after the loop:
//
//	for _, p := range posts {
//		if _, err := tx.Exec(ctx, q, p.ID); err != nil {
//			return err
//		}
//	}
//
// becomes
//
//	batch := &pgx.Batch{}
//	for _, p := range posts {
//		batch.Queue(q, p.ID)
//	}
//	if batch.Len() > 0 {
//		if err := tx.SendBatch(ctx, batch).Close(); err != nil {
//			return err
//		}
//	}
//
// It is offered only where the two do the same. The receiver is a
// transaction (pgx.Tx, *pgxpool.Tx) and it and the context are the same
// in every iteration: PostgreSQL aborts a transaction at its first failed
// statement, so the statements after it change nothing in either form,
// and Close returns that first error, which the one error check returns
// as the loop's did (it may use nothing of the iteration). Outside a
// transaction a batch is one implicit transaction, all or nothing, where
// the loop kept the rows before the failure: no fix. The Exec is the
// iteration's last statement, its command tag unused, its error returned
// or ignored; what comes before it, and its arguments, call nothing but
// builtins and the standard library (a query there would see rows the
// loop no longer wrote yet) and never leave the iteration. The loop
// ranges over a slice, array or map (an iterator may query as it yields).
// An empty batch is not sent, as the loop sent nothing.
func batchFix(site fixes.Site) *analysis.SuggestedFix {
	info := site.Pass.TypesInfo
	call := site.Call
	rng, ok := site.Loop.(*ast.RangeStmt)
	if call == nil || !ok || !rangesOverData(info.TypeOf(rng.X)) {
		return nil
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if fn == nil || fn.Name() != "Exec" || !ok || !isTx(info.TypeOf(sel.X)) || len(call.Args) < 2 {
		return nil
	}
	body := rng.Body
	if len(body.List) == 0 {
		return nil
	}
	last := body.List[len(body.List)-1]
	errName, ret, ok := fixes.ExecStatement(info, last, call, rng)
	if !ok {
		return nil
	}
	if !fixes.Invariant(info, sel.X, rng) || !fixes.Invariant(info, call.Args[0], rng) {
		return nil
	}
	for _, st := range body.List[:len(body.List)-1] {
		if !plain(info, st, rng) {
			return nil
		}
	}
	for i, a := range call.Args[1:] {
		spread := call.Ellipsis.IsValid() && i == len(call.Args)-2
		if !plain(info, a, rng) || (spread || refers(info.TypeOf(a))) && !local(info, a, rng) {
			return nil
		}
	}
	const batch = "batch"
	if nameTaken(site, batch, rng) {
		return nil
	}
	pgxName, imp, ok := site.Import(Path, "pgx")
	if !ok {
		return nil
	}
	args := make([]string, 0, len(call.Args)-1)
	for _, a := range call.Args[1:] {
		args = append(args, site.Text(a))
	}
	queued := strings.Join(args, ", ")
	if call.Ellipsis.IsValid() {
		queued += "..."
	}
	indent := site.Indent(rng.Pos())
	send := site.Text(sel.X) + ".SendBatch(" + site.Text(call.Args[0]) + ", " + batch + ").Close()"
	var after string
	if ret == nil {
		after = indent + "\t_ = " + send + "\n"
	} else {
		after = indent + "\tif " + errName + " := " + send + "; " + errName + " != nil {\n" +
			indent + "\t\t" + site.Text(ret) + "\n" + indent + "\t}\n"
	}
	edits := []analysis.TextEdit{
		{Pos: rng.Pos(), End: rng.Pos(), NewText: []byte(batch + " := &" + pgxName + ".Batch{}\n" + indent)},
		{Pos: last.Pos(), End: last.End(), NewText: []byte(batch + ".Queue(" + queued + ")")},
		{Pos: rng.End(), End: rng.End(), NewText: []byte("\n" + indent + "if " + batch + ".Len() > 0 {\n" + after + indent + "}")},
	}
	if imp != nil {
		edits = append(edits, *imp)
	}
	return &analysis.SuggestedFix{Message: "queue the statements in one pgx.Batch sent after the loop", TextEdits: edits}
}

// isTx reports whether t is pgx.Tx or *pgxpool.Tx.
func isTx(t types.Type) bool {
	n, ok := types.Unalias(fixes.DerefNamed(t)).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Name() != "Tx" {
		return false
	}
	p := n.Obj().Pkg().Path()
	return p == Path || p == Path+"/pgxpool"
}

// rangesOverData reports whether a range over a value of type t visits a
// slice, an array or a map, which yield without running code.
func rangesOverData(t types.Type) bool {
	if t == nil {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Slice, *types.Array, *types.Map:
		return true
	case *types.Pointer:
		_, ok := u.Elem().Underlying().(*types.Array)
		return ok
	}
	return false
}

// plain reports whether n calls nothing but builtins, conversions and the
// standard library outside database/sql, leaves or defers nothing, and
// writes only variables of the iteration: a batch keeps the arguments it
// queues until it is sent, so memory an earlier element's arguments
// point to must not change in a later iteration.
func plain(info *types.Info, n ast.Node, loop *ast.RangeStmt) bool {
	ok := true
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BranchStmt, *ast.ReturnStmt, *ast.DeferStmt, *ast.GoStmt, *ast.LabeledStmt, *ast.FuncLit:
			ok = false
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				ok = ok && (fixes.Blanks(l) || local(info, l, loop))
			}
		case *ast.IncDecStmt:
			ok = local(info, n.X, loop)
		case *ast.CallExpr:
			if tv, found := info.Types[n.Fun]; found && (tv.IsType() || tv.IsBuiltin()) {
				if tv.IsBuiltin() && len(n.Args) > 0 && !local(info, n.Args[0], loop) {
					switch types.ExprString(ast.Unparen(n.Fun)) {
					case "append", "copy", "clear":
						ok = false
					}
				}
				break
			}
			if fixes.MayQuery(info, n) {
				ok = false
			}
		}
		return ok
	})
	return ok
}

// local reports whether e is a composite literal, or a variable of the
// iteration (declared in the loop, range variables included) or a part of one.
func local(info *types.Info, e ast.Expr, loop *ast.RangeStmt) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.CompositeLit:
			return true
		case *ast.UnaryExpr:
			e = x.X
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			if !refers(info.TypeOf(x.X)) {
				e = x.X // an element of an array variable
				continue
			}
			return false
		case *ast.Ident:
			return fixes.DeclaredIn(info.ObjectOf(x), loop)
		default:
			return false
		}
	}
}

// refers reports whether values of t refer to memory they share with
// their copies: pointers, slices, maps and interfaces.
func refers(t types.Type) bool {
	if t == nil {
		return true
	}
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Interface, *types.Chan:
		return true
	}
	return false
}

// nameTaken reports whether name means something where the loop is, or
// is spelt anywhere in the function holding it.
func nameTaken(site fixes.Site, name string, loop ast.Node) bool {
	if scope := site.Pass.Pkg.Scope().Innermost(loop.Pos()); scope != nil {
		if _, obj := scope.LookupParent(name, loop.Pos()); obj != nil {
			return true
		}
	}
	taken := false
	if fn := site.FuncOf(loop); fn != nil {
		ast.Inspect(fn, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Name == name {
				taken = true
			}
			return !taken
		})
	}
	return taken
}
