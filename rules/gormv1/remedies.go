package gormv1

import (
	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
	"github.com/nplusonelint/nplusonelint/rules/gorm"
)

// remedies are GORM v1's answers: Preload of an association (a fix when
// the edit keeps what the loop did), the rest advice.
type remedies struct{ rules.NoRemedies }

// dialect is what GORM v2's eager-load fix needs to know of v1: its
// import path, its associations, v1's Related, no association Joins
// (v1's Joins is raw SQL), that v1's Find into a struct reports a
// missing row (ErrRecordNotFound, callback_query.go) and leaves the
// struct as it was, and that its preload runs on a new search
// (Scope.NewDB), without the receiver's conditions.
var dialect = &gorm.Dialect{
	Path:         path,
	Own:          path,
	Associations: associations,
	OriginBuilders: map[string]bool{
		"Where": true, "Or": true, "Not": true, "Order": true, "Limit": true, "Offset": true,
		"Preload": true, "Debug": true, "Unscoped": true, "Table": true,
	},
	Related:            related,
	FindReportsMissing: true,
	PreloadNewSearch:   true,
	FreshTarget:        true,
}

const inAdvice = `collect the keys and run one query for all of them: Where("key IN (?)", keys)`

// Read preloads the association the loop loads per element, through
// GORM v2's eager-load fix in v1's dialect; any other read per element
// gets the advice to query all keys at once.
func (remedies) Read(s fixes.Site) rules.Remedy {
	if r := dialect.EagerLoad(s); r.Advice != "" {
		return r
	}
	return rules.Remedy{Advice: inAdvice}
}

// Write advises one statement over the keys.
func (remedies) Write(fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: `write all rows with one statement over the keys (Where("id IN (?)", ids)), or at least inside one transaction: GORM v1 has no batch insert`}
}

// Count advises one grouped count.
func (remedies) Count(fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: `count them all with one query: Select("key, count(*)").Where("key IN (?)", keys).Group("key")`}
}

// Existence advises a one-row select.
func (remedies) Existence(fixes.CountSite) rules.Remedy {
	return rules.Remedy{Advice: `select at most one row instead: Select("1").Limit(1).Find(&rows)`}
}
