package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/nplusonelint/nplusonelint/rules"
)

// loop is a loop over a collection: a for or range statement whose SSA
// natural loop is nat, or a function whose whole body runs once per element
// (the body of a range-over-func loop, a callback of lo.ForEach and kin, a
// row hook).
type loop struct {
	node       ast.Node  // *ast.ForStmt, *ast.RangeStmt, the *ast.CallExpr of a higher-order call, or a hook's *ast.FuncDecl
	collection ast.Expr  // what is iterated
	cursor     token.Pos // for rows.Next() loops: the Lparen of the Next call
	nat        *natLoop  // nil when the whole function is the body
	bit        uint64
	// hook names the library hook (AfterFind) when the body is a method
	// the library calls once per loaded row; only its receiver is the row.
	hook    string
	hookLib *rules.Library
	// rows names the library call (xorm's Iterate) when the body is a
	// function it calls once per row of a query's result; perRow are the
	// body's free variables each row is scanned into (pgx.ForEachRow's
	// scans), per-row as its parameters are.
	rows   string
	perRow []*ssa.FreeVar
}

// syntaxLoop is a for or range statement found in a function's syntax.
type syntaxLoop struct {
	stmt     ast.Stmt
	regions  []ast.Node // parts run once per iteration: body, and cond and post of a for
	parent   *syntaxLoop
	children []*syntaxLoop
	votes    map[*natLoop]int
	nat      *natLoop
}

// functionBody returns the statements an SSA function was built from.
func functionBody(fn *ssa.Function) *ast.BlockStmt {
	switch syn := fn.Syntax().(type) {
	case *ast.FuncDecl:
		return syn.Body
	case *ast.FuncLit:
		return syn.Body
	case *ast.RangeStmt: // range-over-func yield function
		return syn.Body
	}
	return nil
}

// findLoops returns the collection loops whose statements are part of fn
// (not of its function literals or range-over-func bodies), each mapped to
// its natural loop.
func findLoops(sx *syntax, fn *ssa.Function, nat []*natLoop) []*loop {
	pass := sx.pass
	body := functionBody(fn)
	if body == nil || len(nat) == 0 {
		return nil
	}
	var roots, all []*syntaxLoop
	var stack []*syntaxLoop
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if n == nil {
			return false
		}
		var sl *syntaxLoop
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			sl = &syntaxLoop{stmt: n, regions: []ast.Node{n.Body}}
			if n.Cond != nil {
				sl.regions = append(sl.regions, n.Cond)
			}
			if n.Post != nil {
				sl.regions = append(sl.regions, n.Post)
			}
		case *ast.RangeStmt:
			if _, ok := typeOf(pass, n.X).Underlying().(*types.Signature); ok {
				ast.Inspect(n.X, visit) // the body is the yield function's
				return false
			}
			sl = &syntaxLoop{stmt: n, regions: []ast.Node{n.Body}}
		default:
			return true
		}
		sl.votes = map[*natLoop]int{}
		all = append(all, sl)
		if len(stack) > 0 {
			p := stack[len(stack)-1]
			p.children = append(p.children, sl)
			sl.parent = p
		} else {
			roots = append(roots, sl)
		}
		stack = append(stack, sl)
		ast.Inspect(sl.stmt, func(m ast.Node) bool {
			if m == sl.stmt {
				return true
			}
			return visit(m)
		})
		stack = stack[:len(stack)-1]
		return false
	}
	ast.Inspect(body, visit)
	if len(all) == 0 {
		return nil
	}

	// Each instruction votes, for the innermost statement whose per-iteration
	// part holds its position, for the innermost natural loop of its block;
	// unless that loop holds code outside the statement: then the statement
	// does not iterate by itself (its body always leaves) and the vote goes
	// to the innermost enclosing statement holding the whole loop.
	fits := map[[2]any]bool{}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			pos := instr.Pos()
			if !pos.IsValid() {
				continue
			}
			nl := innermost(nat, b)
			if nl == nil {
				continue
			}
			for sl := innermostSyntax(all, pos); sl != nil; sl = sl.parent {
				key := [2]any{sl, nl}
				ok, known := fits[key]
				if !known {
					ok = holdsLoop(sl.stmt, nl)
					fits[key] = ok
				}
				if ok {
					sl.votes[nl]++
					break
				}
			}
		}
	}
	var assign func(sl *syntaxLoop)
	assign = func(sl *syntaxLoop) {
		for _, c := range sl.children {
			assign(c)
		}
		// Most votes wins; on a tie, the larger loop (it holds the other)
		// and then the earlier header, so that map order decides nothing.
		best := 0
		for nl, v := range sl.votes {
			if v > best || v == best && (len(nl.blocks) > len(sl.nat.blocks) ||
				len(nl.blocks) == len(sl.nat.blocks) && nl.header.Index < sl.nat.header.Index) {
				sl.nat, best = nl, v
			}
		}
		if sl.nat == nil {
			for _, c := range sl.children {
				if c.nat != nil && c.nat.parent != nil {
					sl.nat = c.nat.parent
					break
				}
			}
		}
		// A nested statement sharing our natural loop never iterates by
		// itself (it leaves on its first pass).
		var clear func(s *syntaxLoop)
		clear = func(s *syntaxLoop) {
			for _, c := range s.children {
				if c.nat == sl.nat {
					c.nat = nil
				}
				clear(c)
			}
		}
		if sl.nat != nil {
			clear(sl)
		}
	}
	for _, r := range roots {
		assign(r)
	}

	var out []*loop
	for _, sl := range all {
		if sl.nat == nil {
			continue
		}
		if l := classify(sx, sl.stmt); l != nil {
			l.nat = sl.nat
			out = append(out, l)
		}
	}
	return out
}

// holdsLoop reports whether every instruction of the natural loop nl that
// has a position (phis aside: a lifted variable's phi has its declaration's
// position) lies within stmt.
func holdsLoop(stmt ast.Stmt, nl *natLoop) bool {
	for b := range nl.blocks {
		for _, instr := range b.Instrs {
			if _, phi := instr.(*ssa.Phi); phi {
				continue
			}
			if pos := instr.Pos(); pos.IsValid() && (pos < stmt.Pos() || pos >= stmt.End()) {
				return false
			}
		}
	}
	return true
}

// innermostSyntax returns the innermost loop whose statement contains pos,
// provided pos is in a part of it run once per iteration.
func innermostSyntax(all []*syntaxLoop, pos token.Pos) *syntaxLoop {
	var best *syntaxLoop
	for _, sl := range all {
		if sl.stmt.Pos() <= pos && pos < sl.stmt.End() &&
			(best == nil || sl.stmt.Pos() >= best.stmt.Pos() && sl.stmt.End() <= best.stmt.End()) {
			best = sl
		}
	}
	if best == nil {
		return nil
	}
	for _, r := range best.regions {
		if r.Pos() <= pos && pos < r.End() {
			return best
		}
	}
	return nil
}

func typeOf(pass *analysis.Pass, e ast.Expr) types.Type {
	if t := pass.TypesInfo.TypeOf(e); t != nil {
		return t
	}
	return types.Typ[types.Invalid]
}
