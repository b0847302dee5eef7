package xorm

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// existsAdvice is what the message of a count compared to zero advises.
const existsAdvice = "ask whether a row exists instead: Exist(&bean) selects at most one"

// existsBuilders are the builders between the engine and Count that mean
// the same to Count and Exist: the table and the conditions. Cols,
// Select, Distinct, GroupBy and Having change what Count counts; Exist
// sets its own Limit(1); SQL replaces both statements.
var existsBuilders = map[string]bool{
	"Table": true, "Context": true, "Unscoped": true,
	"Where": true, "And": true, "Or": true, "In": true, "NotIn": true, "ID": true,
}

// exists rewrites `n, err := engine.Where(…).Count(&T{…})`, n only
// compared with zero, into `exists, err := engine.Where(…).Exist(&T{…})`.
// Given a struct bean both take its table and its non-zero fields as
// conditions (Statement.MergeConds, soft deletion included); Exist then
// selects one row (LIMIT 1) and returns false with the error where Count
// returned 0. The count takes one bean, a pointer to a struct (without
// one, Count ignores the soft-deletion condition and ID(…) that Exist
// applies), and the chain starts at an Engine (a Session's statement may
// carry builders from earlier calls) and holds only existsBuilders.
func exists(c fixes.CountSite) *analysis.SuggestedFix {
	info := c.Pass.TypesInfo
	links := chain(info, c.Call)
	if len(links) == 0 || links[len(links)-1].Call != c.Call || links[len(links)-1].Name != "Count" || len(c.Call.Args) != 1 || c.Call.Ellipsis.IsValid() {
		return nil
	}
	if rules.RecvName(links[0].Fn.Signature()) != "Engine" {
		return nil
	}
	for _, l := range links[:len(links)-1] {
		if !existsBuilders[l.Name] {
			return nil
		}
	}
	p, ok := info.TypeOf(c.Call.Args[0]).(*types.Pointer)
	if !ok {
		return nil
	}
	if _, ok := p.Elem().Underlying().(*types.Struct); !ok {
		return nil
	}
	return c.ExistsFix("Exist", "ask whether a row exists with Exist")
}

// chain splits a chain of xorm calls, root first.
func chain(info *types.Info, call *ast.CallExpr) []fixes.Link {
	links, _ := fixes.Chain(info, call, isMethod)
	return links
}
