package gopg

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// existsAdvice is what the message of a count compared to zero advises.
const existsAdvice = "ask whether a row exists instead: Exists() selects at most one"

// existsBuilders are the builders between Model and Count that mean the
// same to Count and Exists: the table, the conditions and the context.
// Count drops Order, Limit and Offset (Exists keeps the offset); Column,
// Group, Having and Distinct change what Count counts.
var existsBuilders = map[string]bool{
	"Table": true, "TableExpr": true, "Context": true,
	"Where": true, "WhereOr": true, "WhereIn": true, "WherePK": true, "Deleted": true, "AllWithDeleted": true,
	"Join": true, "JoinOn": true, "JoinOnOr": true,
}

// exists rewrites `n, err := db.Model(…).Where(…).Count()`, n only
// compared with zero, into `exists, err := ….Exists()`: go-pg's Exists
// runs the same FROM, JOIN and WHERE as SELECT 1 … LIMIT 1 and returns
// false with the error where Count returned 0. The chain starts at a
// handle's Model (or ModelContext: *pg.DB, *pg.Tx, orm.DB) and holds only existsBuilders.
func exists(c fixes.CountSite) *analysis.SuggestedFix {
	links := chain(c.Pass.TypesInfo, c.Call)
	if len(links) < 2 || links[len(links)-1].Call != c.Call || links[len(links)-1].Name != "Count" || links[len(links)-1].Fn.Pkg().Path() != ormPath {
		return nil
	}
	if first := links[0]; (first.Name != "Model" && first.Name != "ModelContext") || rules.RecvName(first.Fn.Signature()) == "Query" {
		return nil // a query built elsewhere may hold a Limit or a Group
	}
	for _, l := range links[1 : len(links)-1] {
		if !existsBuilders[l.Name] {
			return nil
		}
	}
	return c.ExistsFix("Exists", "ask whether a row exists with Exists")
}
