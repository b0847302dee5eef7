package bun

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

// relationFix is the edit for the one shape where Relation keeps what the
// loop did: a has-many read straight into the element's relation field,
// db.NewSelect().Model(&p.Comments).Where("post_id = ?", p.ID).Scan(ctx),
// its error ignored or only checked (a slice scanned from no rows is no
// error, so the check has nothing left to catch). The query that loaded
// the collection gets .Relation("Comments") and the statement goes.
//
// Refused: any other builder in either query (Column, Join, Order, Limit
// in the loop's query would change what the relation loads; Column,
// Join, Group, Table, ModelTableExpr in the origin would drop the key it
// joins on), a belongs-to or has-one (bun leaves a missing row nil where
// Scan returned sql.ErrNoRows), nested loops, an origin not written once
// in a block enclosing the loop, a collection assigned elsewhere, and a
// loop that calls anything else that may query (a relation reads
// everything before the loop, so it would miss what an earlier iteration
// wrote).
func relationFix(s fixes.Site, name string) *analysis.SuggestedFix {
	info := s.Pass.TypesInfo
	if s.Outer != nil || s.Origin == nil || s.Param || strings.Contains(name, ",") {
		return nil
	}
	links := chain(info, s.Call)
	var field *ast.SelectorExpr
	for _, l := range links[:len(links)-1] {
		if l.Name == "Model" {
			u, ok := ast.Unparen(l.Call.Args[0]).(*ast.UnaryExpr)
			if !ok || u.Op != token.AND {
				return nil
			}
			field, _ = ast.Unparen(u.X).(*ast.SelectorExpr)
		}
	}
	if field == nil || fmt.Sprintf("%q", field.Sel.Name) != name || s.ElementOf(field.X) == nil || len(s.Call.Args) != 1 {
		return nil
	}
	owner, _ := fixes.DerefNamed(info.TypeOf(s.ElementOf(field.X))).(*types.Named)
	if r, ok := RelationNamed(owner, field.Sel.Name); !ok || r.Kind != "has-many" {
		return nil
	}
	insert, ok := originInsertion(s, name)
	if !ok {
		return nil
	}
	stmt, ok := queryStatement(s)
	if !ok || mayQueryElsewhere(s, stmt) || !s.StillUsed(s.FuncOf(s.Loop), stmt.Pos(), stmt.End(), rootVars(info, field.X)...) {
		return nil
	}
	removal := s.Removal(stmt)
	edits := []analysis.TextEdit{insert, removal}
	if clause, ok := s.RangeVarsAfter(removal); ok {
		edits = append(edits, clause)
	}
	return &analysis.SuggestedFix{
		Message:   fmt.Sprintf("Relation(%s) in the query loading %s, and drop the query per element", name, types.ExprString(s.Collection)),
		TextEdits: edits,
	}
}

// originInsertion returns the edit adding Relation to the query that
// loaded the collection: db.NewSelect().Model(&posts)[.Where(…)…].Scan(ctx),
// written in a block enclosing the loop, before it, the collection a
// variable written nowhere else.
func originInsertion(s fixes.Site, name string) (analysis.TextEdit, bool) {
	info := s.Pass.TypesInfo
	links := chain(info, s.Origin)
	if len(links) == 0 || links[len(links)-1].Call != s.Origin || links[len(links)-1].Name != "Scan" || len(s.Origin.Args) != 1 {
		return analysis.TextEdit{}, false
	}
	model := false
	for _, l := range links[:len(links)-1] {
		switch l.Name {
		case "NewSelect", "Where", "WhereOr", "WhereGroup", "WherePK", "WhereDeleted", "WhereAllWithDeleted", "Order", "OrderExpr", "Limit", "Offset":
		case "Relation":
			if n, ok := fixes.StringConst(info, l.Call.Args[0]); !ok || fmt.Sprintf("%q", n) == name {
				return analysis.TextEdit{}, false
			}
		case "Model":
			u, ok := ast.Unparen(l.Call.Args[0]).(*ast.UnaryExpr)
			if !ok || u.Op != token.AND || types.ExprString(u.X) != types.ExprString(s.Collection) {
				return analysis.TextEdit{}, false
			}
			id, ok := ast.Unparen(u.X).(*ast.Ident)
			if !ok {
				return analysis.TextEdit{}, false
			}
			v, _ := info.Uses[id].(*types.Var)
			if v == nil || s.Writes(v) != 1 {
				return analysis.TextEdit{}, false
			}
			model = true
		default:
			return analysis.TextEdit{}, false
		}
	}
	if !model || !encloses(s, s.Origin) {
		return analysis.TextEdit{}, false
	}
	at := fixes.ReceiverEnd(s.Origin)
	return analysis.TextEdit{Pos: at, End: at, NewText: []byte(".Relation(" + name + ")")}, true
}

// queryStatement returns the statement that is the loop's query alone
// (or "_ = <query>"), or "if err := <query>; err != nil {…}" with no else.
func queryStatement(s fixes.Site) (ast.Stmt, bool) {
	path := s.Ancestors(s.Call)
	if len(path) == 0 {
		return nil, false
	}
	if es, ok := path[0].(*ast.ExprStmt); ok {
		return es, true
	}
	if as, ok := path[0].(*ast.AssignStmt); ok && as.Tok == token.ASSIGN && len(as.Lhs) == 1 && types.ExprString(as.Lhs[0]) == "_" {
		return as, true // _ = <query>
	}
	if len(path) < 2 {
		return nil, false
	}
	as, ok := path[0].(*ast.AssignStmt)
	ifs, ok2 := path[1].(*ast.IfStmt)
	if !ok || !ok2 || ifs.Init != as || ifs.Else != nil || as.Tok != token.DEFINE || len(as.Lhs) != 1 {
		return nil, false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	be, ok2 := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
	if !ok || !ok2 || be.Op != token.NEQ || types.ExprString(be.X) != id.Name || types.ExprString(be.Y) != "nil" {
		return nil, false
	}
	return ifs, true
}

// mayQueryElsewhere reports whether the loop body, the removed statement
// aside, calls anything but builtins, conversions and the standard
// library (database/sql aside).
func mayQueryElsewhere(s fixes.Site, removed ast.Stmt) bool {
	info := s.Pass.TypesInfo
	found := false
	ast.Inspect(fixes.LoopBody(s.Loop), func(n ast.Node) bool {
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
