package bun

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nplusonelint/nplusonelint/fixes"
)

// existsAdvice is what the message of a count compared to zero advises.
const existsAdvice = "ask whether a row exists instead: Exists(ctx) selects at most one"

// existsBuilders are the builders between NewSelect and Count that mean
// the same to Count and Exists: the table and the conditions. Count drops
// Order, Limit and Offset (Exists keeps the last two); Column, Group,
// Having and Distinct change what Count counts.
var existsBuilders = map[string]bool{
	"Model": true, "Table": true, "TableExpr": true, "ModelTableExpr": true,
	"Where": true, "WhereOr": true, "WherePK": true, "WhereDeleted": true, "WhereAllWithDeleted": true,
	"Join": true, "JoinOn": true, "JoinOnOr": true,
}

// exists rewrites `n, err := db.NewSelect().Model(…).Where(…).Count(ctx)`,
// n only compared with zero, into `exists, err := ….Exists(ctx)`: bun's
// Exists asks SELECT EXISTS (SELECT … the same FROM, JOIN and WHERE)
// (or SELECT 1 WHERE EXISTS where the dialect has no SELECT EXISTS), and
// returns false with the error where Count returned 0. The chain starts
// at NewSelect and holds only existsBuilders.
func exists(c fixes.CountSite) *analysis.SuggestedFix {
	links := chain(c.Pass.TypesInfo, c.Call)
	if len(links) < 2 || links[len(links)-1].Call != c.Call || links[len(links)-1].Name != "Count" || recvName(links[len(links)-1].Fn) != "SelectQuery" {
		return nil
	}
	if links[0].Name != "NewSelect" {
		return nil // a query built elsewhere may hold a Limit or a Group
	}
	for _, l := range links[1 : len(links)-1] {
		if !existsBuilders[l.Name] {
			return nil
		}
	}
	return c.ExistsFix("Exists", "ask whether a row exists with Exists")
}
