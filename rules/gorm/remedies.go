package gorm

import (
	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// site is an N+1 site seen by GORM's remedies.
type site struct {
	fixes.Site
	d *Dialect
}

// remedies are GORM's answers: Preload, CreateInBatches, a grouped count,
// a one-row select.
type remedies struct{}

// Read preloads the association the loop loads per element.
func (remedies) Read(s fixes.Site) rules.Remedy {
	return V2.EagerLoad(s)
}

// Write batches Creates and advises one statement for other writes.
func (remedies) Write(s fixes.Site) rules.Remedy {
	advice, fix := bulkWrite(site{s, V2})
	return rules.Remedy{Advice: advice, Fix: fix}
}

// Count advises one grouped count.
func (remedies) Count(s fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: groupedCount(site{s, V2})}
}

// Exec has no remedy a statement's text would support.
func (remedies) Exec(fixes.Site) rules.Remedy { return rules.Remedy{} }

// Existence selects at most one row instead of counting them all.
func (remedies) Existence(c fixes.CountSite) rules.Remedy {
	r := rules.Remedy{Advice: existsAdvice}
	if c.N != nil && c.File != nil {
		r.Fix = exists(c)
	}
	return r
}
