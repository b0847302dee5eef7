package gopg

import (
	"fmt"
	"go/ast"
	"go/types"
	"regexp"
	"strings"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// remedies are go-pg's answers: Exists and one insert of the collected
// rows as fixes where they keep what the code did, advice otherwise.
type remedies struct{}

const inAdvice = `collect the keys and run one query for all of them: Where("key IN (?)", pg.In(keys))`

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
		return rules.Remedy{Advice: fmt.Sprintf("load it with the list: Relation(%q) on the query that loads %s", rel, loaded)}
	}
	return rules.Remedy{Advice: inAdvice}
}

// Write inserts the rows of an insert per element with one statement
// after the loop (bulkinsert.go), and advises one statement over the keys
// for other writes.
func (remedies) Write(s fixes.Site) rules.Remedy {
	if s.Call != nil {
		if links := chain(s.Pass.TypesInfo, s.Call); len(links) > 0 && links[len(links)-1].Name == "Insert" {
			fix, note := bulkInsert(s)
			return rules.Remedy{Advice: insertAdvice + note, Fix: fix}
		}
	}
	return rules.Remedy{Advice: `change all rows with one statement over the keys: Where("id IN (?)", pg.In(ids))`}
}

// Count advises one grouped count.
func (remedies) Count(fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: `count them all with one query: ColumnExpr("key, count(*)").Where("key IN (?)", pg.In(keys)).Group("key").Select(&counts)`}
}

// Exec advises one statement for all elements.
func (remedies) Exec(fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: "write all rows with one statement (a multi-row INSERT, or UPDATE/DELETE … WHERE key IN (?) with pg.In) inside one transaction"}
}

// Existence asks Exists, which stops at the first row, instead of a
// count (exists.go).
func (remedies) Existence(c fixes.CountSite) rules.Remedy {
	return rules.Remedy{Advice: existsAdvice, Fix: exists(c)}
}

// relationPath recognises the loop's query,
// db.Model(&author).Where("id = ?", p.AuthorID).Select(), as the load of
// a relation of the element and returns its path from the loaded model.
func relationPath(s fixes.Site) (string, bool) {
	info := s.Pass.TypesInfo
	links := chain(info, s.Call)
	if len(links) == 0 || links[len(links)-1].Call != s.Call {
		return "", false
	}
	switch links[len(links)-1].Name {
	case "Select", "First":
	default:
		return "", false
	}
	var dst ast.Expr
	var key *ast.SelectorExpr
	column := ""
	for _, l := range links[:len(links)-1] {
		switch l.Name {
		case "Model", "ModelContext":
			args := l.Call.Args
			if l.Name == "ModelContext" && len(args) > 0 {
				args = args[1:]
			}
			if len(args) != 1 {
				return "", false
			}
			dst = args[0]
		case "Where":
			text, ok := fixes.StringConst(info, l.Call.Args[0])
			if !ok || len(l.Call.Args) != 2 {
				return "", false
			}
			if fixes.IsConstant(info, l.Call.Args[1]) {
				continue
			}
			m := keyCond.FindStringSubmatch(text)
			sel, ok := ast.Unparen(l.Call.Args[1]).(*ast.SelectorExpr)
			if m == nil || !ok || s.ElementOf(sel.X) == nil || key != nil {
				return "", false
			}
			key, column = sel, m[1]
		default:
			return "", false
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
				return "", false
			}
			name = r.Name
		}
	}
	if name == "" {
		return "", false
	}
	if s.Outer == nil {
		return name, true
	}
	cur := fixes.ElementType(info.TypeOf(s.Outer))
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
	return strings.Join(fields, ".") + "." + name, types.Identical(cur, owner)
}

// chain splits a chain of go-pg calls, root first.
func chain(info *types.Info, call *ast.CallExpr) []fixes.Link {
	links, _ := fixes.Chain(info, call, isMethod)
	return links
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
