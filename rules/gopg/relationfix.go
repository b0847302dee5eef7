package gopg

import (
	"go/ast"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules/relationload"
)

// loader is go-pg in the terms of the Relation eager load it shares with
// bun (rules/relationload): db.Model(&x)…Select(), relations from
// `pg:"rel:…"` tags, the func(q *pg.Query) (*pg.Query, error) form (pg.Query
// is orm.Query). go-pg loads a has-many with a second query (orm/join.go,
// manyQuery: WHERE post_id IN (…) after the func form, rows handed to
// their parents in the order read), and a has-one or belongs-to with a
// LEFT JOIN that leaves a missing row nil (a value field zero) where
// Select returned pg.ErrNoRows: only the has-many is fixed. First is
// recognised for advice (it orders by the key and limits to one row).
var loader = &relationload.Library{
	Chain:          chain,
	Finisher:       "Select",
	FinisherArgs:   0, // Select(): into the model, no values to scan into
	ToOneFinishers: []string{"First"},
	Model: func(l fixes.Link) (ast.Expr, bool) {
		switch {
		case l.Name == "Model" && len(l.Call.Args) == 1:
			return l.Call.Args[0], true
		case l.Name == "ModelContext" && len(l.Call.Args) == 2:
			return l.Call.Args[1], true
		}
		return nil, false
	},
	Relations: Relations,
	ColumnOf:  ColumnOf,
	// The builders that keep whole rows and their keys: Column,
	// ColumnExpr, Join, Group, Table, TableExpr, Distinct… would drop or
	// repeat the key a relation joins on.
	OriginBuilders: []string{"Where", "WhereOr", "WhereGroup", "WhereOrGroup", "WhereNotGroup", "WhereIn", "WherePK", "Order", "OrderExpr", "Limit", "Offset", "Context"},
	FuncPath:       path,
	FuncName:       "pg",
	Func: func(pkg, calls string) string {
		return "func(q *" + pkg + ".Query) (*" + pkg + ".Query, error) { return q." + calls + ", nil }"
	},
}
