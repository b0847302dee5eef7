package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/nplusonelint/nplusonelint/analyzer"
)

// entdata is the ent scenario module: its ent package is made by ent's own
// generator (see testdata/ent/ent/generate.go).
func entdata() string { return filepath.Join(analysistest.TestData(), "..", "..", "testdata", "ent") }

// ent: relation accessors, client Get, builders' Save and Exec, counts,
// found through the generated code's shape; eager-loaded edges, builders
// and batched or paginated loops are not N+1s.
func TestEnt(t *testing.T) {
	analysistest.Run(t, entdata(), analyzer.Analyzer, "./blog", "./helpers", "./feed")
}

// ent's fixes: WithY (with the loop's predicates), ExistX; the cases
// without a safe edit are in noedit.go, which has no golden file.
func TestEntFixes(t *testing.T) {
	for _, r := range analysistest.RunWithSuggestedFixes(t, entdata(), analyzer.Analyzer, "./fixwith") {
		for _, d := range r.Diagnostics {
			name := r.Pass.Fset.Position(d.Pos).Filename
			if filepath.Base(name) == "noedit.go" && len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: fix offered where none is safe: %s", r.Pass.Fset.Position(d.Pos), d.SuggestedFixes[0].Message)
			}
		}
	}
}

// ent's bulk create and variable-count existence fixes; noedit.go holds
// the loops and counts no edit keeps as they were.
func TestEntBulkFixes(t *testing.T) {
	for _, r := range analysistest.RunWithSuggestedFixes(t, entdata(), analyzer.Analyzer, "./fixbulk") {
		for _, d := range r.Diagnostics {
			name := r.Pass.Fset.Position(d.Pos).Filename
			if filepath.Base(name) == "noedit.go" && len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: fix offered where none is safe: %s", r.Pass.Fset.Position(d.Pos), d.SuggestedFixes[0].Message)
			}
		}
	}
}
