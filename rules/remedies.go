package rules

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nplusonelint/nplusonelint/fixes"
)

// Remedy is what a library says about one N+1: advice for the message
// ("" for none) and at most one fix (golangci-lint applies every fix of a
// diagnostic), offered only when the edit is safe.
type Remedy struct {
	Advice string
	Fix    *analysis.SuggestedFix
	// Related, when the edit belongs elsewhere (the Find inside the
	// function that loaded the collection), points there, so that an
	// editor can jump to it.
	Related []analysis.RelatedInformation
}

// Remedies are a library's answers to the shapes the engine finds, in the
// library's own idiom (Django's select_related/prefetch_related,
// bulk_create, annotate(Count), exists()). A library may answer only some:
// embed NoRemedies and override what it knows.
type Remedies interface {
	// Read answers a read per element: an eager load of a relation, or
	// one query over the collected keys.
	Read(site fixes.Site) Remedy
	// Write answers a write per element: a bulk write.
	Write(site fixes.Site) Remedy
	// Count answers a count per element: one grouped count.
	Count(site fixes.Site) Remedy
	// Exec answers a raw statement per element.
	Exec(site fixes.Site) Remedy
	// Existence answers a count only compared with zero.
	Existence(site fixes.CountSite) Remedy
}

// NoRemedies answers nothing; libraries embed it.
type NoRemedies struct{}

// Read implements Remedies.
func (NoRemedies) Read(fixes.Site) Remedy { return Remedy{} }

// Write implements Remedies.
func (NoRemedies) Write(fixes.Site) Remedy { return Remedy{} }

// Count implements Remedies.
func (NoRemedies) Count(fixes.Site) Remedy { return Remedy{} }

// Exec implements Remedies.
func (NoRemedies) Exec(fixes.Site) Remedy { return Remedy{} }

// Existence implements Remedies.
func (NoRemedies) Existence(fixes.CountSite) Remedy { return Remedy{} }

// RemedyFor asks lib (nil: no library) for the remedy of a query of kind k
// run once per element at site.
func RemedyFor(lib *Library, k Kind, site fixes.Site) Remedy {
	if lib == nil || lib.Remedies == nil {
		return Remedy{}
	}
	switch k {
	case Read:
		return lib.Remedies.Read(site)
	case Write:
		return lib.Remedies.Write(site)
	case Count:
		return lib.Remedies.Count(site)
	case Exec:
		return lib.Remedies.Exec(site)
	}
	return Remedy{}
}

// ExistenceRemedy asks lib for the remedy of a count only compared with zero.
func ExistenceRemedy(lib *Library, site fixes.CountSite) Remedy {
	if lib == nil || lib.Remedies == nil {
		return Remedy{}
	}
	return lib.Remedies.Existence(site)
}
