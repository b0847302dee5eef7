// Package sqlboiler is what nplusonelint knows about sqlboiler v4
// (github.com/volatiletech/sqlboiler/v4): the query-running functions and
// methods of the models it generates into the user's module, recognised by
// their shape (generated.go), and its remedies: qm.Load of the relation
// where the collection is loaded (eagerload.go), one row selected for a
// count compared with zero, one statement over the keys for writes.
package sqlboiler

import "github.com/nplusonelint/nplusonelint/rules"

// Library is sqlboiler v4. Its runtime packages (queries, qm, boil) are
// builders and plumbing; the queries run through the generated models:
// models.Posts(mods...).All(ctx, exec), o.Posts(mods...).One(ctx, exec),
// FindPost, PostExists, o.Insert/Update/Upsert/Delete/Reload and the
// relation setters. Relation accessors (o.Posts(mods...)), models.Posts
// and every qm mod only build a query; o.R.Posts is loaded data.
var Library = &rules.Library{
	Name:      "sqlboiler",
	Title:     "sqlboiler",
	Paths:     []string{runtimePath + "/queries", runtimePath + "/queries/qm", runtimePath + "/boil"},
	Generated: generated,
	Remedies:  remedies{},
	RemedyDocs: map[string]string{
		"read-per-element":       "`qm.Load(models.XRels.Y)` (nested `qm.Load(\"Y.Z\")`) in the query that loaded the collection, the loop reading `o.R.Y` (a fix for a to-many relation when the edit is safe, advice otherwise)",
		"write-per-element":      "one statement over the keys (`UpdateAll`/`DeleteAll` on a query or slice), or one multi-row insert (advice)",
		"count-per-element":      "one count grouped by the key, or `qm.Load` and `len(o.R.Y)` (advice)",
		"count-compared-to-zero": "one row selected, `q(qm.Select(…)).One(ctx, exec)`, or `XExists` by key (advice: the generated `Exists` runs `SELECT COUNT(*) … LIMIT 1`, a count too)",
	},
}
