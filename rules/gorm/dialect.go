package gorm

import (
	"go/ast"
	"go/types"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// Dialect is what the eager-load fix (preload.go, loadquery.go,
// loader.go) needs to know of a GORM major version: V2 is gorm.io/gorm;
// rules/gormv1 declares GORM v1's (github.com/jinzhu/gorm), whose *DB
// API is the same where the fix reads it, but whose schema tags, Joins,
// Related and missing-row errors differ.
type Dialect struct {
	// Path is the library's import path: the methods of its DB and
	// Association types make up a query chain.
	Path string
	// Own is the prefix of the library's own types, never a model.
	Own string
	// Associations lists a model's associations as the version infers
	// them from fields and tags.
	Associations func(owner *types.Named) []Association
	// Joins is whether Joins("X") loads an association (v2). GORM v1's
	// Joins takes raw SQL text: it is never offered, and an origin query
	// using it is left alone.
	Joins bool
	// OriginBuilders are the builders the query that loaded the
	// collection may use before its Find (Select, Model, Group, … change
	// what the rows are, and are absent).
	OriginBuilders map[string]bool
	// Related resolves GORM v1's db.Model(&p).Related(&dst, names...) to
	// the association it loads, as v1's Scope.related does; nil for a
	// version without Related.
	Related func(owner, target *types.Named, names []string) (Association, bool)
	// FindReportsMissing is whether Find into a struct reports a missing
	// row as an error (v1's query callback does, v2's does not): its
	// error check then cannot go either.
	FindReportsMissing bool
	// PreloadNewSearch is whether a preload runs on a new search, not on
	// the receiver's (v1's Scope.NewDB): the loop's query must then start
	// from a *gorm.DB carrying no conditions of its own (a Where or an
	// Unscoped there would not carry over).
	PreloadNewSearch bool
	// FreshTarget requires the variable a to-one read fills to be
	// declared in the loop's body: the read leaves it as it was on a
	// missing row, where the assignment replacing it writes the zero
	// value.
	FreshTarget bool
}

// V2 is GORM v2's dialect.
var V2 = &Dialect{
	Path:         path,
	Own:          "gorm.io/",
	Associations: Associations,
	Joins:        true,
	OriginBuilders: map[string]bool{
		"Where": true, "Or": true, "Not": true, "Order": true, "Limit": true, "Offset": true,
		"Preload": true, "Joins": true, "WithContext": true, "Session": true, "Debug": true,
		"Unscoped": true, "Scopes": true, "Table": true, "InnerJoins": true,
	},
}

// EagerLoad is the remedy for a read per element that loads an
// association of the element: Preload (or, in v2, Joins) in the query
// that loaded the collection, as a fix when the edit keeps what the loop
// did, as advice otherwise.
func (d *Dialect) EagerLoad(s fixes.Site) rules.Remedy {
	advice, fix, related := eagerLoad(site{s, d})
	return rules.Remedy{Advice: advice, Fix: fix, Related: related}
}

// chain splits a call chain of the library's *gorm.DB and
// *gorm.Association API into its calls, root first, and the expression
// it starts from.
func (d *Dialect) chain(info *types.Info, call *ast.CallExpr) ([]fixes.Link, ast.Expr) {
	return fixes.Chain(info, call, func(fn *types.Func) bool { return d.isMethod(fn) })
}

// isMethod reports whether fn is a method of the library's DB or
// Association (the classic, non-generic API).
func (d *Dialect) isMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil || fn.Pkg() == nil || fn.Pkg().Path() != d.Path {
		return false
	}
	named, ok := fixes.DerefNamed(recv.Type()).(*types.Named)
	return ok && (named.Obj().Name() == "DB" || named.Obj().Name() == "Association")
}

// associationNamed returns owner's association with the given field name.
func (d *Dialect) associationNamed(owner *types.Named, name string) (Association, bool) {
	if owner == nil {
		return Association{}, false
	}
	for _, a := range d.Associations(owner) {
		if a.Name == name {
			return a, true
		}
	}
	return Association{}, false
}
