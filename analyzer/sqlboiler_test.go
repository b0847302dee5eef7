package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/nplusonelint/nplusonelint/analyzer"
)

// sqlboiler: the generated models' finishers, Find, Exists and writes,
// found through their shape (testdata/sqlboiler/models is written in the
// shape of sqlboiler's templates); loaded relations (o.R.Y), builders and
// batched or paginated loops are not N+1s.
func TestSQLBoiler(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "..", "..", "testdata", "sqlboiler")
	analysistest.Run(t, dir, analyzer.Analyzer, "./blog", "./helpers", "./feed")
}

// sqlboilerdata is the sqlboiler scenario module.
func sqlboilerdata() string {
	return filepath.Join(analysistest.TestData(), "..", "..", "testdata", "sqlboiler")
}

// sqlboiler's fixes on the models its generator made (boilgen): qm.Load of
// a to-many relation read per element, Exists for a count compared with
// zero; the cases without a safe edit are in noedit.go, which has no
// golden file.
func TestSQLBoilerFixes(t *testing.T) {
	for _, r := range analysistest.RunWithSuggestedFixes(t, sqlboilerdata(), analyzer.Analyzer, "./fixload") {
		for _, d := range r.Diagnostics {
			name := r.Pass.Fset.Position(d.Pos).Filename
			if filepath.Base(name) == "noedit.go" && len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: fix offered where none is safe: %s", r.Pass.Fset.Position(d.Pos), d.SuggestedFixes[0].Message)
			}
		}
	}
}
