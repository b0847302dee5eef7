package sqlboiler

import (
	"go/types"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// remedies are sqlboiler's answers: qm.Load (a fix for a to-many
// relation read per element, eagerload.go), one statement over the keys,
// a grouped count, one row selected instead of a count.
type remedies struct{ rules.NoRemedies }

// Read eager-loads the relation the loop reads per element.
func (remedies) Read(s fixes.Site) rules.Remedy {
	q, ok := parseRelationQuery(s)
	if !ok {
		return rules.Remedy{Advice: "load the rows for all keys at once: one query with qm.WhereIn(\"key in ?\", keys...), or qm.Load(\"Y\") of the relation where the collection is loaded and o.R.Y in the loop"}
	}
	load := `qm.Load("` + q.name + `")`
	if s.Outer != nil {
		if _, fields := fixes.FieldPath(s.Collection); len(fields) > 0 {
			load = `qm.Load("` + fields[len(fields)-1] + "." + q.name + `")`
		}
	}
	advice := "eager-load it: " + load + " in the query that loaded the collection, then read " + types.ExprString(q.elem) + ".R." + q.name
	if !q.many {
		advice += " (nil for a missing row, where One returned sql.ErrNoRows)"
	}
	return rules.Remedy{Advice: advice, Fix: loadFix(s, q)}
}

// Write advises one statement for all rows.
func (remedies) Write(fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: "write all rows with one statement: UpdateAll/DeleteAll on a query over the keys (qm.WhereIn) or on the slice, or one multi-row INSERT in a transaction"}
}

// Count advises one grouped count.
func (remedies) Count(fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: "count for all keys at once (one query grouped by the key), or qm.Load the relation and use len(o.R.Y)"}
}

// Existence advises selecting one row: the generated Exists is no remedy,
// its statement is SELECT COUNT(*) … LIMIT 1 (v4.19.1's 03_finishers
// template: SetCount and SetLimit), which counts every matching row too
// (the limit applies to the one row of the count). No fix, then.
func (remedies) Existence(fixes.CountSite) rules.Remedy {
	return rules.Remedy{Advice: existsAdvice}
}

// existsAdvice names what stops at the first matching row: One limits
// its query to one row and returns sql.ErrNoRows for none.
const existsAdvice = "select one row instead: q(qm.Select(models.XColumns.ID)).One(ctx, exec), which runs SELECT \"id\" … LIMIT 1 and returns sql.ErrNoRows when there is none, or XExists(ctx, exec, key) for a primary key (SELECT EXISTS); the generated Exists is no remedy: it runs SELECT COUNT(*) … LIMIT 1, which still counts every matching row"
