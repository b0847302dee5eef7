package sqlboiler

import (
	"go/types"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// remedies are sqlboiler's answers: qm.Load (a fix for a to-many
// relation read per element, eagerload.go), one statement over the keys,
// a grouped count, Exists (a fix, exists.go).
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

// Existence asks whether a row exists instead of counting them all.
func (remedies) Existence(c fixes.CountSite) rules.Remedy {
	return rules.Remedy{Advice: "ask whether a row exists with Exists(ctx, exec), which selects at most one row", Fix: existsFix(c)}
}
