package gopg

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// insertAdvice is what the message of an insert per element advises.
const insertAdvice = "collect the rows in the loop and insert them with one Model(&rows).Insert() after it"

// bulkInsert collects the rows of `tx.Model(row).Insert()` per element
// and inserts them with one Model(&rows).Insert() after the loop
// (fixes.BulkInsert says when), in a RunInTransaction callback. go-pg
// inserts a slice with one multi-row INSERT … RETURNING, writing DEFAULT
// for each row's zero key or defaulted column as it does for one row, and
// gives each row its ID in order; so any distinct row fits (&x, &xs[i],
// &T{…}). A model with BeforeInsert or AfterInsert gets no fix: go-pg
// runs them per row, but all before (or after) the one statement.
func bulkInsert(s fixes.Site) (*analysis.SuggestedFix, string) {
	links, recv := fixes.Chain(s.Pass.TypesInfo, s.Call, isMethod)
	if len(links) != 2 || links[1].Call != s.Call || links[1].Name != "Insert" || rules.RecvName(links[1].Fn.Signature()) != "Query" || len(s.Call.Args) != 0 {
		return nil, ""
	}
	model := links[0]
	if rules.RecvName(model.Fn.Signature()) == "Query" {
		return nil, ""
	}
	var args []ast.Expr
	switch {
	case model.Name == "Model" && len(model.Call.Args) == 1:
	case model.Name == "ModelContext" && len(model.Call.Args) == 2:
		args = model.Call.Args[:1]
	default:
		return nil, ""
	}
	return s.BulkInsertFix(fixes.BulkInsert{
		Row:     model.Call.Args[len(model.Call.Args)-1],
		Recv:    recv,
		Args:    args,
		IsTx:    isRunInTransaction,
		RowsFit: rowsFit,
		Holds:   func(loop ast.Stmt) bool { return holdsInsert(s.Pass.TypesInfo, loop) },
		Method:  "Model(&%s).Insert()",
	})
}

// rowsFit accepts rows of a model without insert hooks.
func rowsFit(model *types.Named, _ ast.Expr) (bool, string) {
	for _, h := range []string{"BeforeInsert", "AfterInsert"} {
		if fixes.HasMethod(model, h) {
			return false, "; " + model.Obj().Name() + " has " + h + ", which go-pg runs otherwise around one insert of all rows"
		}
	}
	return true, ""
}

// isRunInTransaction accepts go-pg's RunInTransaction (DB, Tx), which
// rolls back when its function returns an error.
func isRunInTransaction(fn *types.Func) bool {
	return fn.Name() == "RunInTransaction" && isMethod(fn)
}

// holdsInsert reports whether loop's body runs a Query's Insert.
func holdsInsert(info *types.Info, loop ast.Stmt) bool {
	found := false
	ast.Inspect(fixes.LoopBody(loop), func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if fn, _ := typeutil.Callee(info, call).(*types.Func); fn != nil && isMethod(fn) && fn.Name() == "Insert" && rules.RecvName(fn.Signature()) == "Query" {
				found = true
			}
		}
		return !found
	})
	return found
}

// isMethod reports whether fn is a method of one of go-pg's types.
func isMethod(fn *types.Func) bool {
	return fn.Pkg() != nil && (fn.Pkg().Path() == path || fn.Pkg().Path() == ormPath) && fn.Signature().Recv() != nil
}
