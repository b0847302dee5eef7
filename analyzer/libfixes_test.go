package analyzer_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/nplusonelint/nplusonelint/analyzer"
)

// runModuleFixes runs the fix scenarios pkg of the scenario module
// testdata/<module>: a file with a golden file must produce it when all
// its fixes are applied; a fix offered in a file without one fails the
// test, so the no-edit cases are pinned too.
func runModuleFixes(t *testing.T, module, pkg string) {
	t.Helper()
	dir := filepath.Join(analysistest.TestData(), "..", "..", "testdata", module)
	for _, r := range analysistest.RunWithSuggestedFixes(t, dir, analyzer.Analyzer, pkg) {
		for _, d := range r.Diagnostics {
			name := r.Pass.Fset.Position(d.Pos).Filename
			if _, err := os.Stat(name + ".golden"); err != nil && len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: fix offered in a file without golden file: %s", r.Pass.Fset.Position(d.Pos), d.SuggestedFixes[0].Message)
			}
		}
	}
}
