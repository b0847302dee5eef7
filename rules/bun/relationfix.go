package bun

import (
	"go/ast"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules/relationload"
)

// loader is bun in the terms of the Relation eager load bun and go-pg
// share (rules/relationload): NewSelect().Model(&x)…Scan(ctx), relations
// from `bun:"rel:…"` tags, the func(q *bun.SelectQuery) *bun.SelectQuery
// form. bun loads a has-many with a second query (relation_join.go,
// manyQuery: WHERE post_id IN (…), then the func form), and a
// belongs-to or has-one with a LEFT JOIN that leaves a missing row nil
// where Scan returned sql.ErrNoRows: only the has-many is fixed.
var loader = &relationload.Library{
	Chain:        chain,
	Finisher:     "Scan",
	FinisherArgs: 1, // Scan(ctx): into the model, no other destination
	Start:        []string{"NewSelect"},
	Model: func(l fixes.Link) (ast.Expr, bool) {
		if l.Name != "Model" || recvName(l.Fn) != "SelectQuery" || len(l.Call.Args) != 1 {
			return nil, false
		}
		return l.Call.Args[0], true
	},
	Relations: Relations,
	ColumnOf:  ColumnOf,
	// The builders that keep whole rows and their keys: Column,
	// ColumnExpr, Join, Group, Table, ModelTableExpr, Distinct… would drop
	// or repeat the key a relation joins on.
	OriginBuilders: []string{"Where", "WhereOr", "WhereGroup", "WherePK", "WhereDeleted", "WhereAllWithDeleted", "Order", "OrderExpr", "Limit", "Offset"},
	FuncPath:       path,
	FuncName:       "bun",
	Func: func(pkg, calls string) string {
		return "func(q *" + pkg + ".SelectQuery) *" + pkg + ".SelectQuery { return q." + calls + " }"
	},
}
