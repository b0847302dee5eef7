package gorm

import (
	"fmt"
	"go/ast"
	"go/types"

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
	if s.MayQueryElsewhere(fixes.LoopBody(s.Loop)) {
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

func (s site) bulkCreate(links []fixes.Link, recv ast.Expr) (*analysis.SuggestedFix, string) {
	stmt, ok := s.queryStatement(true)
	if !ok || fixes.LoopBody(s.Loop) == nil || !s.LastInIteration(stmt) || !s.LeavesOnlyByContinue(stmt) {
		return nil, ""
	}
	// What moves after the loop must mean the same there.
	if ifs, ok := stmt.(*ast.IfStmt); ok && s.MentionsIteration(ifs.Body, stmt) {
		return nil, ""
	}
	for _, l := range links[:len(links)-1] {
		if s.MentionsIteration(l.Call, stmt) {
			return nil, ""
		}
	}
	if s.MentionsIteration(recv, stmt) {
		return nil, ""
	}
	arg := s.Call.Args[0]
	elem, ok := s.DistinctRow(arg)
	if !ok || hasWriteHooks(elem) {
		return nil, ""
	}
	typ, ok := s.TypeText(elem, arg)
	if !ok {
		return nil, ""
	}
	// A failing insert: the loop either goes on (its error is not
	// checked, or checked and let pass) or stops with the rows before it
	// stored. One batch stores all or none.
	method := fmt.Sprintf("CreateInBatches(&%%s, %d)", batchSize)
	var imports []analysis.TextEdit
	if ifs, checked := stmt.(*ast.IfStmt); !checked || !fixes.StopsLoop(ifs) {
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
	} else if !s.InTransaction(recv, ifs, isTransaction) {
		// Stopping: the rows before the failure stay only outside a
		// transaction rolled back by the error.
		return nil, stopsEarlyNote
	}
	name := s.FreshName(s.BatchNames(s.holdsCreate)...)
	if name == "" {
		return nil, ""
	}
	sel := ast.Unparen(s.Call.Fun).(*ast.SelectorExpr)
	moved, ok := s.MovedStatement(stmt, sel.Sel.Pos(), s.Call.End(), fmt.Sprintf(method, name), s.Indent(s.Loop.Pos())+"\t")
	if !ok {
		return nil, ""
	}
	return &analysis.SuggestedFix{
		Message:   fmt.Sprintf("collect the rows in %s and insert them after the loop with one CreateInBatches", name),
		TextEdits: append(imports, s.CollectEdits(stmt, name, typ, s.Text(arg), moved)...),
	}, ""
}

// isTransaction accepts (*gorm.DB).Transaction, which rolls back when its
// function returns an error.
func isTransaction(fn *types.Func) bool {
	return fn.Name() == "Transaction" && fn.Signature().Recv() != nil && fn.Signature().Recv().Type().String() == "*gorm.io/gorm.DB"
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
