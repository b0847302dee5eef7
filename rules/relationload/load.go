// Package relationload is the Relation("Y") eager load that bun and go-pg
// share (bun's query builder descends from go-pg's): both declare
// relations in struct tags and load them with the query that loads the
// collection, Relation("Comments") or, with conditions,
// Relation("Comments", func(q) …). This package recognises a loop's query
// as the load of such a relation (Recognise), writes Relation's arguments
// (Args) and makes the edit where it keeps what the loop did (Fix). What
// differs between the two libraries (their builder chains, finishers,
// relation conventions and the func form) comes in a Library.
package relationload

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"slices"
	"strings"

	"github.com/nplusonelint/nplusonelint/fixes"
)

// Relation is a relation a model declares in a struct tag, its key
// columns inferred as the library's schema does.
type Relation struct {
	Name   string       // the owner's field: Author, Comments
	Target *types.Named // the related model
	Kind   string       // the tag's rel: belongs-to, has-one, has-many, …
	// BaseColumn is the owner's column a per-element query passes,
	// JoinColumn the target's column it is compared with; both "" when
	// the library joins otherwise (many-to-many, composite, polymorphic).
	BaseColumn, JoinColumn string
}

// HasMany is the relation kind both libraries load with a second query
// (WHERE key IN (…)) rather than a JOIN.
const HasMany = "has-many"

// Named returns the relation of rels with the given field name.
func Named(rels []Relation, name string) (Relation, bool) {
	for _, r := range rels {
		if r.Name == name {
			return r, true
		}
	}
	return Relation{}, false
}

// Library is what the shared code needs to know of one ORM.
type Library struct {
	// Chain splits a chain of the library's query-builder calls, root first.
	Chain func(*types.Info, *ast.CallExpr) []fixes.Link
	// Finisher is the method running a select into the model (bun: Scan,
	// go-pg: Select) and FinisherArgs the number of arguments it then
	// takes (Scan(ctx); Select() with no values to scan into).
	Finisher     string
	FinisherArgs int
	// ToOneFinishers are further finishers that load one row (go-pg's
	// First): recognised for advice, never fixed (they order and limit).
	ToOneFinishers []string
	// Start are the builders that open a select (bun's NewSelect).
	Start []string
	// Model returns the model a link sets (Model(&x), ModelContext(ctx,
	// &x)) and whether the link sets one.
	Model func(fixes.Link) (ast.Expr, bool)
	// Relations lists a model's relations, ColumnOf the column of a field.
	Relations func(*types.Named) []Relation
	ColumnOf  func(model *types.Named, goName string) string
	// OriginBuilders are the builders the query loading the collection may
	// use besides Model, Relation and the finisher: those that leave the
	// rows whole and their key columns selected (Where, Order, Limit, …).
	OriginBuilders []string
	// FuncPath and FuncName are the import path and usual name of the
	// package whose query type Relation's func form takes; Func writes
	// that form around "q.<calls>", given the name the file uses.
	FuncPath, FuncName string
	Func               func(pkg, calls string) string
}

// Load is a loop's query recognised as the load of a relation of the
// element: Model(&dst).Where("post_id = ?", p.ID)[.Where(const…)][.Order(…)].Finisher.
type Load struct {
	Rel   Relation
	Owner *types.Named // the element's model
	// Path is Relation's path from the model the origin loads: Comments,
	// or Comments.Votes for a loop over p.Comments in a loop over posts.
	Path     string
	Dst      ast.Expr          // Model's argument
	Finisher fixes.Link        // the call running the query
	Carried  []*ast.CallExpr   // the constant Where and Order calls, in order
	Key      *ast.SelectorExpr // the element's key (p.ID)
}

// keyCond matches "col = ?" with an optional table alias and quotes.
var keyCond = regexp.MustCompile("^\\s*(?:[`\"]?\\w+[`\"]?\\.)?[`\"]?(\\w+)[`\"]?\\s*=\\s*\\?\\s*$")

// Recognise reports whether the loop's query loads a relation of the
// element: its model is the relation's target, one Where compares the
// relation's join column with the element's field holding the base
// column, and the other builders are constant Where and Order calls (a
// Limit, Column, Join, … make it something else than the relation).
func Recognise(s fixes.Site, lib *Library) (*Load, bool) {
	if s.Call == nil {
		return nil, false
	}
	info := s.Pass.TypesInfo
	links := lib.Chain(info, s.Call)
	if len(links) == 0 || links[len(links)-1].Call != s.Call {
		return nil, false
	}
	l := &Load{Finisher: links[len(links)-1]}
	if name := l.Finisher.Name; name != lib.Finisher && !slices.Contains(lib.ToOneFinishers, name) {
		return nil, false
	}
	column := ""
	for _, link := range links[:len(links)-1] {
		if dst, ok := lib.Model(link); ok {
			if l.Dst != nil {
				return nil, false
			}
			l.Dst = dst
			continue
		}
		switch {
		case slices.Contains(lib.Start, link.Name):
		case link.Name == "Where":
			if _, ok := fixes.StringConst(info, link.Call.Args[0]); !ok {
				return nil, false
			}
			if allConstant(info, link.Call.Args) {
				l.Carried = append(l.Carried, link.Call)
				continue
			}
			col, key, ok := keyWhere(s, link.Call)
			if !ok || l.Key != nil {
				return nil, false
			}
			l.Key, column = key, col
		case link.Name == "Order" || link.Name == "OrderExpr":
			if !allConstant(info, link.Call.Args) || link.Call.Ellipsis.IsValid() {
				return nil, false
			}
			l.Carried = append(l.Carried, link.Call)
		default:
			return nil, false // Join, Limit, Column, WhereOr, …: not what a relation loads
		}
	}
	if l.Dst == nil || l.Key == nil {
		return nil, false
	}
	l.Owner, _ = fixes.DerefNamed(info.TypeOf(s.ElementOf(l.Key.X))).(*types.Named)
	target := modelOf(info.TypeOf(l.Dst))
	if l.Owner == nil || target == nil {
		return nil, false
	}
	found := false
	for _, r := range lib.Relations(l.Owner) {
		if types.Identical(r.Target, target) && r.BaseColumn != "" && r.BaseColumn == lib.ColumnOf(l.Owner, l.Key.Sel.Name) && r.JoinColumn == column {
			if found {
				return nil, false // two relations fit: not ours to choose
			}
			l.Rel, found = r, true
		}
	}
	if !found {
		return nil, false
	}
	prefix, ok := outerPath(s, lib, l.Owner)
	if !ok {
		return nil, false
	}
	l.Path = prefix + l.Rel.Name
	return l, true
}

// keyWhere matches Where("post_id = ?", p.ID), p the loop's element.
func keyWhere(s fixes.Site, call *ast.CallExpr) (string, *ast.SelectorExpr, bool) {
	text, _ := fixes.StringConst(s.Pass.TypesInfo, call.Args[0])
	m := keyCond.FindStringSubmatch(text)
	if m == nil || len(call.Args) != 2 {
		return "", nil, false
	}
	sel, ok := ast.Unparen(call.Args[1]).(*ast.SelectorExpr)
	if !ok || s.ElementOf(sel.X) == nil {
		return "", nil, false
	}
	return m[1], sel, true
}

// outerPath returns the relation path from the outer collection's model
// to owner ("Comments." when the loop iterates p.Comments in a loop over
// posts), "" when the loop iterates the loaded collection itself.
func outerPath(s fixes.Site, lib *Library, owner *types.Named) (string, bool) {
	if s.Outer == nil {
		return "", true
	}
	cur := fixes.ElementType(s.Pass.TypesInfo.TypeOf(s.Outer))
	root, fields := fixes.FieldPath(s.Collection)
	if _, ok := root.(*ast.Ident); !ok || cur == nil || len(fields) == 0 {
		return "", false
	}
	for _, f := range fields {
		r, ok := Named(lib.Relations(cur), f)
		if !ok {
			return "", false
		}
		cur = r.Target
	}
	if !types.Identical(cur, owner) {
		return "", false
	}
	return strings.Join(fields, ".") + ".", true
}

// Args writes Relation's arguments: the quoted path, then the carried
// calls in the library's func form, its package named pkg.
func (l *Load) Args(s fixes.Site, lib *Library, pkg string) string {
	args := fmt.Sprintf("%q", l.Path)
	if len(l.Carried) == 0 {
		return args
	}
	var calls []string
	for _, c := range l.Carried {
		var texts []string
		for _, a := range c.Args {
			texts = append(texts, s.Text(a))
		}
		calls = append(calls, ast.Unparen(c.Fun).(*ast.SelectorExpr).Sel.Name+"("+strings.Join(texts, ", ")+")")
	}
	return args + ", " + lib.Func(pkg, strings.Join(calls, "."))
}

// allConstant reports whether every expression is a constant.
func allConstant(info *types.Info, es []ast.Expr) bool {
	for _, e := range es {
		if !fixes.IsConstant(info, e) {
			return false
		}
	}
	return true
}

// modelOf returns the model a destination holds: T for *T, *[]T, *[]*T.
func modelOf(t types.Type) *types.Named {
	if t == nil {
		return nil
	}
	if n := fixes.ElementType(t); n != nil {
		return n
	}
	n, _ := fixes.DerefNamed(fixes.DerefNamed(t)).(*types.Named)
	return n
}

// addressOf returns x for &x, or nil.
func addressOf(e ast.Expr) ast.Expr {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return nil
	}
	return ast.Unparen(u.X)
}
