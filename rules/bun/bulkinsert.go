package bun

import (
	"go/ast"
	"go/types"
	"reflect"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules/structtag"
)

// insertAdvice is what the message of an insert per element advises.
const insertAdvice = "collect the rows in the loop and insert them with one NewInsert().Model(&rows) after it"

// bulkInsert collects the rows of `tx.NewInsert().Model(row).Exec(ctx)`
// per element and inserts them with one NewInsert().Model(&rows).Exec(ctx)
// after the loop (fixes.BulkInsert says when), in a RunInTx callback.
// bun inserts a slice with one multi-row INSERT and, with RETURNING
// (PostgreSQL, SQLite), gives each row its ID in order. What bun does
// otherwise with a slice keeps the fix away:
//   - BeforeInsert and AfterInsert query hooks run once per statement,
//     so once for all rows; BeforeAppendModel runs per row, but for all
//     of them before the one statement: a model with any of them gets no
//     fix.
//   - Without DEFAULT in VALUES (SQLite), the columns come from the first
//     row: a not-null column bun leaves to its default when zero (pk,
//     autoincrement, nullzero, default:…, a nil pointer) is dropped for
//     every row when the first row's is zero. So the row must be a
//     literal &T{…} that sets none of them (each row leaves them zero
//     alike).
func bulkInsert(s fixes.Site) (*analysis.SuggestedFix, string) {
	links, recv := fixes.Chain(s.Pass.TypesInfo, s.Call, isMethod)
	if len(links) != 3 || links[2].Call != s.Call || links[0].Name != "NewInsert" || links[1].Name != "Model" || links[2].Name != "Exec" || recvName(links[2].Fn) != "InsertQuery" {
		return nil, ""
	}
	if len(links[0].Call.Args) != 0 || len(links[1].Call.Args) != 1 || len(s.Call.Args) != 1 {
		return nil, "" // Exec(ctx, &dest) scans into dest
	}
	return s.BulkInsertFix(fixes.BulkInsert{
		Row:     links[1].Call.Args[0],
		Recv:    recv,
		Args:    s.Call.Args,
		IsTx:    isRunInTx,
		RowsFit: rowsFit,
		Holds:   func(loop ast.Stmt) bool { return holdsInsert(s.Pass.TypesInfo, loop) },
		Method:  "NewInsert().Model(&%s)",
	})
}

// rowsFit accepts rows of a model without insert hooks, written as a
// literal that sets none of the columns bun may leave to their default.
func rowsFit(model *types.Named, row ast.Expr) (bool, string) {
	for _, h := range []string{"BeforeInsert", "AfterInsert", "BeforeAppendModel"} {
		if fixes.HasMethod(model, h) {
			return false, "; " + model.Obj().Name() + " has " + h + ", which bun runs otherwise around one insert of all rows"
		}
	}
	set, ok := fixes.KeyedLiteral(row)
	if !ok {
		return false, ""
	}
	for _, f := range defaulted(model) {
		if slices.Contains(set, f) {
			return false, ""
		}
	}
	return true, ""
}

// defaulted returns the Go names of model's fields bun may leave to the
// database's default: not null (notnull, pk, autoincrement) and either
// autoincrement, nullzero, with a default:… or a pointer.
func defaulted(model *types.Named) []string {
	st, ok := model.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []string
	for i := range st.NumFields() {
		f := st.Field(i)
		_, opts := structtag.Parse(reflect.StructTag(st.Tag(i)).Get("bun"))
		has := func(k string) bool { _, ok := opts[k]; return ok }
		notNull := has("notnull") || has("pk") || has("autoincrement")
		_, ptr := f.Type().Underlying().(*types.Pointer)
		if notNull && (has("autoincrement") || has("nullzero") || has("default") || ptr) {
			out = append(out, f.Name())
		}
	}
	return out
}

// isRunInTx accepts bun's RunInTx (DB, Tx, Conn, IDB), which rolls back
// when its function returns an error.
func isRunInTx(fn *types.Func) bool {
	return fn.Name() == "RunInTx" && isMethod(fn)
}

// holdsInsert reports whether loop's body runs an InsertQuery's Exec.
func holdsInsert(info *types.Info, loop ast.Stmt) bool {
	found := false
	ast.Inspect(fixes.LoopBody(loop), func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if fn, _ := typeutil.Callee(info, call).(*types.Func); fn != nil && isMethod(fn) && fn.Name() == "Exec" && recvName(fn) == "InsertQuery" {
				found = true
			}
		}
		return !found
	})
	return found
}

// isMethod reports whether fn is a method of one of bun's types.
func isMethod(fn *types.Func) bool {
	return fn.Pkg() != nil && fn.Pkg().Path() == path && fn.Signature().Recv() != nil
}
