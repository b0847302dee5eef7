package analyzer

import (
	"fmt"
	"go/token"
	"go/types"
	"os"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/nplusonelint/nplusonelint/rules"
)

// Analyzer reports queries run once per element of a collection (N+1
// queries). See the package documentation.
var Analyzer = &analysis.Analyzer{
	Name:      "nplusone",
	Doc:       doc,
	URL:       "https://github.com/nplusonelint/nplusonelint",
	Run:       run,
	FactTypes: []analysis.Fact{new(QueryFact), new(CallbackFact), new(reachesFact)},
}

func run(pass *analysis.Pass) (any, error) {
	if rules.ForPath(pass.Pkg.Path()) != nil {
		return nil, nil // the libraries themselves are not analyzed
	}
	exportCallbackFacts(pass)
	if !reachesData(pass) {
		return nil, nil
	}
	if pass.Pkg.Name() != "main" { // nothing imports a main package
		pass.ExportPackageFact(new(reachesFact))
	}
	if len(pass.Files) == 0 {
		return nil, nil // loaded from export data by a driver: no code to analyze
	}
	analyzePackage(pass)
	return nil, nil
}

// analyzePackage builds SSA for a package that can reach a data library
// and analyzes each of its functions, callees first. An internal error
// skips the package with one line on stderr instead of stopping the
// user's whole vet, fix or golangci-lint run.
func analyzePackage(pass *analysis.Pass) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(os.Stderr, "nplusone: skipped %s: internal error: %v\n", pass.Pkg.Path(), r)
		}
	}()
	ssapkg := buildSSA(pass)
	funcs := packageFunctions(pass, ssapkg)
	sx := newSyntax(pass)
	s := &state{
		pass:     pass,
		syntax:   sx,
		ssapkg:   ssapkg,
		sums:     map[*ssa.Function]*QueryFact{},
		flows:    map[*ssa.Function]*flowAnalysis{},
		impls:    map[*types.Interface][]types.Type{},
		bodies:   findBodies(sx, ssapkg, funcs),
		reported: map[token.Pos]bool{},
		ignores:  collectIgnores(pass),
	}
	s.run(funcs)
	s.reportExistence()
}
