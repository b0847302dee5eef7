package analyzer_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/nplusonelint/nplusonelint/analyzer"
)

// pgx v5: its scenarios are a module of their own requiring the real pgx.
func pgxData() string {
	return filepath.Join(analysistest.TestData(), "..", "..", "testdata", "pgx")
}

func TestPgx(t *testing.T) {
	analysistest.Run(t, pgxData(), analyzer.Analyzer, "./basic", "./store", "./service")
}

// The Execs of one transaction become one batch; fix.go's golden file
// pins the edits, noedit.go holds the loops no batch may replace.
func TestPgxFixBatch(t *testing.T) {
	for _, r := range analysistest.RunWithSuggestedFixes(t, pgxData(), analyzer.Analyzer, "./fixbatch") {
		for _, d := range r.Diagnostics {
			name := r.Pass.Fset.Position(d.Pos).Filename
			if _, err := os.Stat(name + ".golden"); err != nil && len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: fix offered in a file without golden file: %s", r.Pass.Fset.Position(d.Pos), d.SuggestedFixes[0].Message)
			}
		}
	}
}

// Queries in the function ForEachRow, CollectRows and AppendRows call
// once per row, and the callbacks that run none.
func TestPgxRowCallbacks(t *testing.T) {
	analysistest.Run(t, pgxData(), analyzer.Analyzer, "./rowcb")
}
