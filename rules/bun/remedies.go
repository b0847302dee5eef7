package bun

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
	"github.com/nplusonelint/nplusonelint/rules/relationload"
)

// remedies are bun's answers: Relation (an edit in the one shape where
// it keeps what the loop did, relationfix.go), Exists, bulk inserts.
type remedies struct{}

// inAdvice is the remedy when the query loads no relation bun knows.
const inAdvice = `collect the keys and run one query for all of them: Where("key IN (?)", bun.In(keys))`

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
			Advice: fmt.Sprintf("load it with the list: Relation(%s) on the query that loads %s", l.Args(s, loader, "bun"), loaded),
			Fix:    relationload.Fix(s, loader, l),
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

// chain splits a chain of bun query-builder calls, root first.
func chain(info *types.Info, call *ast.CallExpr) []fixes.Link {
	links, _ := fixes.Chain(info, call, isMethod)
	return links
}

// recvName returns the name of a method's receiver type.
func recvName(fn *types.Func) string { return rules.RecvName(fn.Signature()) }
