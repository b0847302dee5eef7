// Package ent is what nplusonelint knows about ent (entgo.io/ent): the
// query-running methods of the code ent generates into the user's own
// module, recognised by their shape (generated.go), and its remedies: an
// eager load with WithY (eagerload.go), Exist for a count compared with
// zero, CreateBulk for a create per element.
package ent

import "github.com/nplusonelint/nplusonelint/rules"

// Library is ent. Its runtime packages run no query a user calls directly:
// every query goes through the generated XQuery, XClient and builder types,
// which Generated recognises. Relation accessors (x.QueryY(),
// XClient.QueryY(x)), Where, Order, Limit, WithY and the builders' setters
// only build a statement; x.Edges.Y and x.Edges.YOrErr() read data an eager
// load already brought.
var Library = &rules.Library{
	Name:      "ent",
	Title:     "ent",
	Paths:     []string{"entgo.io/ent", "entgo.io/ent/dialect/sql"},
	Generated: generated,
	Remedies:  remedies{},
	RemedyDocs: map[string]string{
		"read-per-element":       "`WithY()` on the query that loaded the collection, the loop reading `x.Edges.Y` (a fix when the edit is safe, advice otherwise)",
		"write-per-element":      "one `CreateBulk(builders...)` after the loop, the builders collected in it (a fix for a create in a transaction rolled back on its error, advice otherwise; `MapCreateBulk` and `Where(x.IDIn(ids...))` as advice)",
		"count-per-element":      "one query grouped by the key (`GroupBy(…).Aggregate(ent.Count())`) (advice)",
		"count-compared-to-zero": "`Exist(ctx)` (`ExistX`) instead of counting (a fix for `CountX(ctx)` compared directly and for `n, err := q.Count(ctx)` with `n` only compared with zero)",
	},
}
