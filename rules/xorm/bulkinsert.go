package xorm

import (
	"go/ast"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// insertAdvice is what the message of an insert per element advises.
const insertAdvice = "collect the rows in the loop and insert them with one Insert(&rows) after it"

// bulkInsert collects the rows of `session.Insert(row)` per element and
// inserts them with one Insert(&rows) after the loop (fixes.BulkInsert
// says when), in an Engine.Transaction callback. xorm inserts a slice
// with one multi-row INSERT (Session.insertMultipleStruct), unlike one
// row at a time:
//   - it sets no ID on the rows: the row must be a literal &T{…} nobody
//     sees again;
//   - it takes the columns from the first row and leaves out an
//     autoincrement key that row leaves zero, so a row setting its key
//     would not fit the statement: the literal may not set one (a field
//     tagged autoincr, or an untagged int64 ID, which xorm makes one);
//   - it leaves a deleted column out (NULL) where one row writes the zero
//     time: a model with one gets no fix;
//   - BeforeInsert runs for all rows before the statement, AfterInsert
//     for all after: a model with either gets no fix;
//   - a Session's builders (Table, Omit, Cols, …) last until its next
//     statement: called before the loop they shaped the first insert only,
//     and would shape them all. The session may not be used before the
//     loop.
func bulkInsert(s fixes.Site) (*analysis.SuggestedFix, string) {
	links, recv := fixes.Chain(s.Pass.TypesInfo, s.Call, isMethod)
	if len(links) != 1 || links[0].Name != "Insert" || len(s.Call.Args) != 1 || s.Call.Ellipsis.IsValid() {
		return nil, ""
	}
	if usedBefore(s, recv) {
		return nil, ""
	}
	return s.BulkInsertFix(fixes.BulkInsert{
		Row:     s.Call.Args[0],
		Recv:    recv,
		IsTx:    isTransaction,
		RowsFit: rowsFit,
		Holds:   func(loop ast.Stmt) bool { return holdsInsert(s.Pass.TypesInfo, loop) },
		Method:  "Insert(&%s)",
	})
}

// usedBefore reports whether the handle recv names is used in its
// function before the loop.
func usedBefore(s fixes.Site, recv ast.Expr) bool {
	id, ok := ast.Unparen(recv).(*ast.Ident)
	if !ok {
		return true
	}
	obj := s.Pass.TypesInfo.Uses[id]
	used := false
	ast.Inspect(s.FuncOf(s.Loop), func(n ast.Node) bool {
		if x, ok := n.(*ast.Ident); ok && x.Pos() < s.Loop.Pos() && s.Pass.TypesInfo.Uses[x] == obj {
			used = true
		}
		return !used
	})
	return used
}

// rowsFit accepts literal rows of a model without insert hooks or a
// deleted column, setting no autoincrement key.
func rowsFit(model *types.Named, row ast.Expr) (bool, string) {
	for _, h := range []string{"BeforeInsert", "AfterInsert"} {
		if fixes.HasMethod(model, h) {
			return false, "; " + model.Obj().Name() + " has " + h + ", which xorm runs otherwise around one insert of all rows"
		}
	}
	set, ok := fixes.KeyedLiteral(row)
	if !ok {
		return false, "; xorm's insert of a slice sets no ID on its rows, so only new rows (&T{…}) nobody reads again may be collected"
	}
	st, ok := model.Underlying().(*types.Struct)
	if !ok {
		return false, ""
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		tag, tagged := reflect.StructTag(st.Tag(i)).Lookup("xorm")
		opts := strings.Fields(strings.ToLower(tag))
		if slices.Contains(opts, "deleted") {
			return false, ""
		}
		autoincr := slices.Contains(opts, "autoincr") || !tagged && strings.EqualFold(f.Name(), "ID") && types.Identical(f.Type(), types.Typ[types.Int64])
		if autoincr && slices.Contains(set, f.Name()) {
			return false, ""
		}
	}
	return true, ""
}

// isTransaction accepts Engine.Transaction, which rolls back when its
// function returns an error.
func isTransaction(fn *types.Func) bool {
	return fn.Name() == "Transaction" && isMethod(fn) && rules.RecvName(fn.Signature()) == "Engine"
}

// holdsInsert reports whether loop's body runs a Session's Insert.
func holdsInsert(info *types.Info, loop ast.Stmt) bool {
	found := false
	ast.Inspect(fixes.LoopBody(loop), func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if fn, _ := typeutil.Callee(info, call).(*types.Func); fn != nil && isMethod(fn) && fn.Name() == "Insert" {
				found = true
			}
		}
		return !found
	})
	return found
}

// isMethod reports whether fn is a method of one of xorm's types.
func isMethod(fn *types.Func) bool {
	return fn.Pkg() != nil && fn.Pkg().Path() == path && fn.Signature().Recv() != nil
}
