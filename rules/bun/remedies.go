package bun

import (
	"fmt"
	"go/ast"
	"go/types"
	"regexp"
	"strings"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// remedies are bun's answers: Relation (an edit in the one shape where
// it keeps what the loop did, relationfix.go), Exists, bulk inserts.
type remedies struct{}

// inAdvice is the remedy when the query loads no relation bun knows.
const inAdvice = `collect the keys and run one query for all of them: Where("key IN (?)", bun.In(keys))`

// keyCond matches "col = ?" with an optional table alias and quotes.
var keyCond = regexp.MustCompile("^\\s*(?:[`\"]?\\w+[`\"]?\\.)?[`\"]?(\\w+)[`\"]?\\s*=\\s*\\?\\s*$")

// Read advises Relation("Y") when the loop's query loads a relation of
// the element, else one query over the keys.
func (remedies) Read(s fixes.Site) rules.Remedy {
	if s.Call == nil {
		return rules.Remedy{Advice: inAdvice}
	}
	if rel, ok := relationPath(s); ok {
		loaded := types.ExprString(s.Collection)
		if s.Outer != nil {
			loaded = types.ExprString(s.Outer)
		}
		return rules.Remedy{
			Advice: fmt.Sprintf("load it with the list: Relation(%s) on the query that loads %s", rel, loaded),
			Fix:    relationFix(s, rel),
		}
	}
	return rules.Remedy{Advice: inAdvice}
}

// Write inserts the rows of an insert per element with one statement
// after the loop (bulkinsert.go), and advises one statement over the keys
// for other writes.
func (remedies) Write(s fixes.Site) rules.Remedy {
	if s.Call != nil {
		if links := chain(s.Pass.TypesInfo, s.Call); len(links) > 0 && recvName(links[len(links)-1].Fn) == "InsertQuery" {
			fix, note := bulkInsert(s)
			return rules.Remedy{Advice: insertAdvice + note, Fix: fix}
		}
	}
	return rules.Remedy{Advice: `change all rows with one statement over the keys: Where("id IN (?)", bun.In(ids))`}
}

// Count advises one grouped count.
func (remedies) Count(fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: `count them all with one query: ColumnExpr("key, count(*)").Where("key IN (?)", bun.In(keys)).Group("key").Scan(ctx, &counts)`}
}

// Exec advises one statement for all elements.
func (remedies) Exec(fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: "write all rows with one statement (a multi-row INSERT, or UPDATE/DELETE … WHERE key IN (?) with bun.In) inside one transaction"}
}

// Existence asks Exists, which stops at the first row, instead of a
// count (exists.go).
func (remedies) Existence(c fixes.CountSite) rules.Remedy {
	return rules.Remedy{Advice: existsAdvice, Fix: exists(c)}
}

// relationPath recognises the loop's query as the load of a relation of
// the element, db.NewSelect().Model(&author).Where("id = ?", p.AuthorID).Scan(ctx),
// and returns Relation's arguments: the path ("Author", "Comments.Author"
// for a loop over p.Comments inside one over posts) and the constant
// conditions carried into the func(q *bun.SelectQuery) form.
func relationPath(s fixes.Site) (string, bool) {
	info := s.Pass.TypesInfo
	links := chain(info, s.Call)
	if len(links) == 0 || links[len(links)-1].Call != s.Call || links[len(links)-1].Name != "Scan" || recvName(links[len(links)-1].Fn) != "SelectQuery" {
		return "", false
	}
	var dst ast.Expr
	var key *ast.SelectorExpr
	column := ""
	var extra []string
	for _, l := range links[:len(links)-1] {
		switch l.Name {
		case "NewSelect":
		case "Model":
			if len(l.Call.Args) != 1 {
				return "", false
			}
			dst = l.Call.Args[0]
		case "Where":
			text, ok := fixes.StringConst(info, l.Call.Args[0])
			if !ok {
				return "", false
			}
			constant := true
			for _, a := range l.Call.Args[1:] {
				constant = constant && fixes.IsConstant(info, a)
			}
			if constant {
				var texts []string
				for _, a := range l.Call.Args {
					texts = append(texts, s.Text(a))
				}
				extra = append(extra, "Where("+strings.Join(texts, ", ")+")")
				continue
			}
			m := keyCond.FindStringSubmatch(text)
			if m == nil || len(l.Call.Args) != 2 || key != nil {
				return "", false
			}
			sel, ok := ast.Unparen(l.Call.Args[1]).(*ast.SelectorExpr)
			if !ok || s.ElementOf(sel.X) == nil {
				return "", false
			}
			key, column = sel, m[1]
		default:
			return "", false // Join, Order, Limit, Column, …: not what a relation loads
		}
	}
	if dst == nil || key == nil {
		return "", false
	}
	owner, _ := fixes.DerefNamed(info.TypeOf(s.ElementOf(key.X))).(*types.Named)
	target := modelOf(info.TypeOf(dst))
	if owner == nil || target == nil {
		return "", false
	}
	name := ""
	for _, r := range Relations(owner) {
		if types.Identical(r.Target, target) && r.BaseColumn != "" && r.BaseColumn == ColumnOf(owner, key.Sel.Name) && r.JoinColumn == column {
			if name != "" {
				return "", false // two relations fit: not ours to choose
			}
			name = r.Name
		}
	}
	if name == "" {
		return "", false
	}
	path, ok := outerPath(s, owner)
	if !ok {
		return "", false
	}
	args := fmt.Sprintf("%q", path+name)
	if len(extra) > 0 {
		args += ", func(q *bun.SelectQuery) *bun.SelectQuery { return q." + strings.Join(extra, ".") + " }"
	}
	return args, true
}

// outerPath returns the relation path from the outer collection's model
// to owner ("Comments." when the loop iterates p.Comments in a loop over
// posts), "" when the loop iterates the loaded collection itself.
func outerPath(s fixes.Site, owner *types.Named) (string, bool) {
	if s.Outer == nil {
		return "", true
	}
	cur := fixes.ElementType(s.Pass.TypesInfo.TypeOf(s.Outer))
	_, fields := fixes.FieldPath(s.Collection)
	if cur == nil || len(fields) == 0 {
		return "", false
	}
	for _, f := range fields {
		r, ok := RelationNamed(cur, f)
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

// chain splits a chain of bun query-builder calls, root first.
func chain(info *types.Info, call *ast.CallExpr) []fixes.Link {
	links, _ := fixes.Chain(info, call, isMethod)
	return links
}

// recvName returns the name of a method's receiver type.
func recvName(fn *types.Func) string { return rules.RecvName(fn.Signature()) }

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
