package analyzer

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nplusonelint/nplusonelint/rules"
)

// reachesData reports whether the package imports a data library, or a
// package that does, or declares queries. Only such packages are put through SSA: everything
// else, the standard library included, costs one look at its imports.
func reachesData(pass *analysis.Pass, reg *rules.Registry) bool {
	if reg.Reaches(pass.Pkg.Path()) {
		return true // it declares queries of its own (an interface calling its implementations)
	}
	for _, imp := range pass.Pkg.Imports() {
		if reg.Reaches(imp.Path()) || pass.ImportPackageFact(imp, new(reachesFact)) {
			return true
		}
	}
	return false
}
