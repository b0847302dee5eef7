package ent

import (
	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// remedies are ent's answers: WithY, CreateBulk, a grouped count, Exist.
type remedies struct{}

// Read eager-loads the edge the loop queries per element.
func (remedies) Read(s fixes.Site) rules.Remedy {
	advice, fix := eagerLoad(s)
	return rules.Remedy{Advice: advice, Fix: fix}
}

// Write advises one bulk create, and collects the builders for it where
// that keeps what the loop did.
func (remedies) Write(s fixes.Site) rules.Remedy {
	advice, fix := bulkCreate(s)
	return rules.Remedy{Advice: advice, Fix: fix}
}

// Count advises one grouped count.
func (remedies) Count(fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: "count for all keys at once: one query with Where(x.KeyIn(keys...)).GroupBy(x.FieldKey).Aggregate(ent.Count()).Scan(ctx, &v), or eager-load the edge with WithY() and use len(x.Edges.Y)"}
}

// Exec has no remedy: ent's generated code has no raw statements.
func (remedies) Exec(fixes.Site) rules.Remedy { return rules.Remedy{} }

// Existence asks whether a row exists instead of counting them all.
func (remedies) Existence(c fixes.CountSite) rules.Remedy {
	return rules.Remedy{Advice: existAdvice, Fix: exist(c)}
}
