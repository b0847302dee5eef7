package fixes

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// The edits of a fix that collects a loop's rows in a slice and writes
// them once after the loop: the slice's name and type as the file spells
// them, the write moved after the loop, and the three edits.

// TypeText writes t as the file spells it: its own name for this
// package's types, the import's name for others; false if the file does
// not import t's package. A composite literal's own type text (&T{…}) is
// used as is.
func (s Site) TypeText(t *types.Named, arg ast.Expr) (string, bool) {
	if u, ok := ast.Unparen(arg).(*ast.UnaryExpr); ok {
		if lit, ok := ast.Unparen(u.X).(*ast.CompositeLit); ok {
			if text := s.Text(lit.Type); text != "" {
				return text, true
			}
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

// BatchNames are the names the loop's rows may take: the fixes of other
// loops of the function, applied with this one, pick from their own
// (rows, rows2, … by the loop's rank among those holds accepts, the loops
// holding the same write), so that their declarations never clash.
func (s Site) BatchNames(holds func(loop ast.Stmt) bool) []string {
	rank := 0
	ast.Inspect(s.FuncOf(s.Loop), func(n ast.Node) bool {
		l, ok := n.(ast.Stmt)
		if !ok || LoopBody(l) == nil || l.Pos() >= s.Loop.Pos() {
			return true
		}
		if holds(l) {
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

// FreshName returns the first name no identifier of the loop's function
// or the package uses, so a declaration of it shadows nothing.
func (s Site) FreshName(candidates ...string) string {
	return s.freshIn(s.FuncOf(s.Loop), candidates...)
}

// freshIn returns the first candidate no identifier of fn or the package
// uses.
func (s Site) freshIn(fn ast.Node, candidates ...string) string {
	used := map[string]bool{}
	ast.Inspect(fn, func(n ast.Node) bool {
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

// IsPlainPath reports whether e is a variable or a field path on one,
// cheap and safe to evaluate again.
func IsPlainPath(e ast.Expr) bool { return PathRoot(e) != nil }

// PathRoot returns the identifier a variable or field path starts from
// (tx in tx.Post), nil for any other expression.
func PathRoot(e ast.Expr) *ast.Ident {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return PathRoot(e.X)
	}
	return nil
}

// HasLen reports whether len applies to values of t.
func HasLen(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Slice, *types.Map, *types.Array:
		return true
	}
	return false
}

// MovedStatement returns stmt's text with [from, to) replaced by text,
// re-indented to indent; false for a raw string spanning lines or odd
// indentation.
func (s Site) MovedStatement(stmt ast.Stmt, from, to token.Pos, text, indent string) (string, bool) {
	src, tf := s.Source(stmt.Pos())
	old := s.Text(stmt)
	if old == "" || src == nil {
		return "", false
	}
	start := tf.Offset(stmt.Pos())
	old = old[:tf.Offset(from)-start] + text + old[tf.Offset(to)-start:]
	prefix := s.Indent(stmt.Pos())
	lines := strings.Split(old, "\n")
	for i := 1; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], prefix) {
			return "", false
		}
		lines[i] = indent + strings.TrimPrefix(lines[i], prefix)
	}
	return strings.Join(lines, "\n"), true
}

// CollectEdits returns the edits that collect the loop's rows in name, a
// []*typ declared before the loop (sized to the collection when it is a
// plain path with a length), in place of stmt, and run moved (the write of
// them all) after the loop when there is at least one.
func (s Site) CollectEdits(stmt ast.Stmt, name, typ, row, moved string) []analysis.TextEdit {
	indent := s.Indent(s.Loop.Pos())
	decl := fmt.Sprintf("var %s []*%s", name, typ)
	if rng, ok := s.Loop.(*ast.RangeStmt); ok && IsPlainPath(rng.X) && HasLen(s.Pass.TypesInfo.TypeOf(rng.X)) {
		decl = fmt.Sprintf("%s := make([]*%s, 0, len(%s))", name, typ, s.Text(rng.X))
	}
	return []analysis.TextEdit{
		{Pos: s.Loop.Pos(), End: s.Loop.Pos(), NewText: []byte(decl + "\n" + indent)},
		{Pos: stmt.Pos(), End: stmt.End(), NewText: []byte(fmt.Sprintf("%s = append(%s, %s)", name, name, row))},
		{Pos: s.Loop.End(), End: s.Loop.End(), NewText: []byte(fmt.Sprintf("\n%sif len(%s) > 0 {\n%s\t%s\n%s}", indent, name, indent, moved, indent))},
	}
}
