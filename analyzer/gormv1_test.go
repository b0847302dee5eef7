package analyzer_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/nplusonelint/nplusonelint/analyzer"
)

// GORM v1's scenarios: queries per element through every path, Related
// and Association, associations preloaded, AfterFind hooks in each form,
// and the shapes that are not N+1s.
func TestGormV1(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "..", "..", "testdata", "gormv1")
	analysistest.Run(t, dir, analyzer.Analyzer, "./app", "./store", "./hooks", "./models")
}

// GORM v1's Preload fix: a golden file for each edit, and no edit where
// it would change what the loop did (runFixes fails on a fix offered in a
// file without golden file).
func TestGormV1FixPreload(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "..", "..", "testdata", "gormv1")
	for _, r := range analysistest.RunWithSuggestedFixes(t, dir, analyzer.Analyzer, "./fixpreload") {
		for _, d := range r.Diagnostics {
			name := r.Pass.Fset.Position(d.Pos).Filename
			if _, err := os.Stat(name + ".golden"); err != nil && len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: fix offered in a file without golden file: %s", r.Pass.Fset.Position(d.Pos), d.SuggestedFixes[0].Message)
			}
		}
	}
}
