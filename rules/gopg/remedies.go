package gopg

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
	"github.com/nplusonelint/nplusonelint/rules/relationload"
)

// remedies are go-pg's answers: Relation (an edit in the one shape where
// it keeps what the loop did, relationfix.go), advice otherwise.
type remedies struct{}

const inAdvice = `collect the keys and run one query for all of them: Where("key IN (?)", pg.In(keys))`

// Read advises Relation("Y") when the loop's query loads a relation of
// the element, else one query over the keys.
func (remedies) Read(s fixes.Site) rules.Remedy {
	if s.Call == nil {
		return rules.Remedy{Advice: inAdvice}
	}
	if l, ok := relationload.Recognise(s, loader); ok {
		loaded := types.ExprString(s.Collection)
		if s.Outer != nil {
			loaded = types.ExprString(s.Outer)
		}
		return rules.Remedy{
			Advice: fmt.Sprintf("load it with the list: Relation(%s) on the query that loads %s", l.Args(s, loader, "pg"), loaded),
			Fix:    relationload.Fix(s, loader, l),
		}
	}
	return rules.Remedy{Advice: inAdvice}
}

// Write advises one bulk insert, or one statement over the keys.
func (remedies) Write(s fixes.Site) rules.Remedy {
	if s.Call != nil {
		if links := chain(s.Pass.TypesInfo, s.Call); len(links) > 0 && links[len(links)-1].Name == "Insert" {
			return rules.Remedy{Advice: "collect the rows in the loop and insert them with one Model(&rows).Insert() after it"}
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

// Existence advises Exists, which stops at the first row.
func (remedies) Existence(fixes.CountSite) rules.Remedy {
	return rules.Remedy{Advice: "ask whether a row exists instead: Exists() selects at most one"}
}

// chain splits a chain of go-pg calls, root first.
func chain(info *types.Info, call *ast.CallExpr) []fixes.Link {
	links, _ := fixes.Chain(info, call, func(fn *types.Func) bool {
		return fn.Pkg() != nil && (fn.Pkg().Path() == path || fn.Pkg().Path() == ormPath) && fn.Signature().Recv() != nil
	})
	return links
}
