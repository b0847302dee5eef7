package fixes

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// BulkInsert describes, for one library, an insert per element whose
// rows can be collected and inserted with one statement after the loop
// (bun's NewInsert().Model(&rows), go-pg's Model(&rows).Insert(), xorm's
// Insert(&rows)). The site's Call is the statement's finisher, returning
// (result, error).
type BulkInsert struct {
	// Row is the argument holding the row (&x, &T{…}, &xs[i]); it becomes
	// &rows after the loop.
	Row ast.Expr
	// Recv is the handle the chain starts from; Args are the chain's other
	// arguments (a context): none may change from one iteration to the next.
	Recv ast.Expr
	Args []ast.Expr
	// IsTx accepts the library's "run this function in a transaction"
	// method, which rolls back when the function returns an error.
	IsTx func(*types.Func) bool
	// RowsFit says whether one statement stores these rows as the loop's
	// statements did (no hooks that run otherwise, no column one row sets
	// and another leaves to its default), and if not, why.
	RowsFit func(model *types.Named, row ast.Expr) (bool, string)
	// Holds reports whether a loop holds the same insert: loops fixed
	// together take different names.
	Holds func(loop ast.Stmt) bool
	// Method names the one insert in the fix's message.
	Method string
}

// Why a bulk insert would store other rows than the loop did, said after
// the advice when that is what stops the fix.
const (
	ignoredErrorsNote  = "; the loop goes on past a failing insert, and one insert fails as a whole: check each error and return it from a transaction"
	stopsEarlyNote     = "; the loop stops at the first failing insert and keeps the rows before it unless a transaction rolls them back, while one insert stores none (batched when the loop is a transaction callback's, returning the error)"
	checkThenWriteNote = "; the loop reads before it inserts, so de-duplicate the keys first (a key repeated in the input would be inserted twice) and look the existing ones up with one query"
)

// BulkInsertFix returns the edit collecting the rows in the loop and inserting them
// with one statement after it, inside if len(rows) > 0 (every library
// here fails on an empty slice, and the loop wrote nothing), with the
// loop's error check:
//
//	for _, x := range xs {
//		if _, err := tx.Insert(&T{A: x.A}); err != nil {
//			return err
//		}
//	}
//
// becomes
//
//	rows := make([]*T, 0, len(xs))
//	for _, x := range xs {
//		rows = append(rows, &T{A: x.A})
//	}
//	if len(rows) > 0 {
//		if _, err := tx.Insert(&rows); err != nil {
//			return err
//		}
//	}
//
// It is offered only where the two store the same rows and fail alike:
// the insert is the iteration's last statement, its result unused, its
// error checked by `if _, err := …; err != nil { return … }`, the check
// using nothing of the iteration; the loop has no other exit but continue
// and calls nothing else that may query (a read there would no longer see
// the rows earlier iterations inserted); the handle and the other
// arguments are the same in every iteration; each row is distinct and
// fits RowsFit; and the failing insert's return rolls back a transaction
// run by the library around the loop's function through the handle,
// since one statement stores none of the rows where the loop kept those
// before the failure. Otherwise it returns the reason as a note for the
// advice ("" when there is nothing to say).
func (s Site) BulkInsertFix(b BulkInsert) (*analysis.SuggestedFix, string) {
	info := s.Pass.TypesInfo
	body := LoopBody(s.Loop)
	stmt := s.statementOf(s.Call)
	if body == nil || stmt == nil {
		return nil, ""
	}
	if s.MayQueryElsewhere(body) {
		return nil, checkThenWriteNote
	}
	_, ret, ok := ExecStatement(info, stmt, s.Call, s.Loop)
	if !ok || !s.LastInIteration(stmt) || !s.LeavesOnlyByContinue(stmt) {
		return nil, ""
	}
	if ret == nil {
		return nil, ignoredErrorsNote
	}
	if !Invariant(info, b.Recv, s.Loop) {
		return nil, ""
	}
	for _, a := range b.Args {
		if !s.sameEachIteration(a) {
			return nil, ""
		}
	}
	model, ok := s.DistinctRow(b.Row)
	if !ok {
		return nil, ""
	}
	if fits, why := b.RowsFit(model, b.Row); !fits {
		return nil, why
	}
	if !s.InTransaction(b.Recv, stmt.(*ast.IfStmt), b.IsTx) {
		return nil, stopsEarlyNote
	}
	typ, ok := s.TypeText(model, b.Row)
	if !ok {
		return nil, ""
	}
	name := s.FreshName(s.BatchNames(b.Holds)...)
	if name == "" {
		return nil, ""
	}
	moved, ok := s.MovedStatement(stmt, b.Row.Pos(), b.Row.End(), "&"+name, s.Indent(s.Loop.Pos())+"\t")
	if !ok {
		return nil, ""
	}
	return &analysis.SuggestedFix{
		Message:   fmt.Sprintf("collect the rows in %s and insert them after the loop with one %s", name, fmt.Sprintf(b.Method, name)),
		TextEdits: s.CollectEdits(stmt, name, typ, s.Text(b.Row), moved),
	}, ""
}

// sameEachIteration reports whether e means the same in every iteration
// and after the loop: a constant, a variable (or a field of one) the loop
// neither declares nor assigns, or a call without arguments that cannot
// query (context.Background()).
func (s Site) sameEachIteration(e ast.Expr) bool {
	info := s.Pass.TypesInfo
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		return len(call.Args) == 0 && !MayQuery(info, call) && IsPlainPath(call.Fun)
	}
	return IsConstant(info, e) || Invariant(info, e, s.Loop)
}

// statementOf returns the statement holding call as a whole: the
// expression or assignment statement, or the if statement whose init it
// is.
func (s Site) statementOf(call *ast.CallExpr) ast.Stmt {
	path := s.Ancestors(call)
	if len(path) == 0 {
		return nil
	}
	switch st := path[0].(type) {
	case *ast.ExprStmt:
		return st
	case *ast.AssignStmt:
		if len(path) > 1 {
			if ifs, ok := path[1].(*ast.IfStmt); ok && ifs.Init == st {
				return ifs
			}
		}
		return st
	}
	return nil
}

// KeyedLiteral returns the composite literal &T{…} points to when it
// names its fields (or none), and the fields it sets.
func KeyedLiteral(row ast.Expr) ([]string, bool) {
	u, ok := ast.Unparen(row).(*ast.UnaryExpr)
	if !ok {
		return nil, false
	}
	lit, ok := ast.Unparen(u.X).(*ast.CompositeLit)
	if !ok {
		return nil, false
	}
	var set []string
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			return nil, false
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			return nil, false
		}
		set = append(set, id.Name)
	}
	return set, true
}

// HasMethod reports whether *t has a method of that name.
func HasMethod(t *types.Named, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), true, t.Obj().Pkg(), name)
	_, ok := obj.(*types.Func)
	return ok
}
