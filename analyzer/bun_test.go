package analyzer_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/nplusonelint/nplusonelint/analyzer"
)

// bun's scenarios: queries per element through every path, relations
// recognised from bun tags, per-row hooks, and the shapes that are not N+1s.
func TestBun(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "..", "..", "testdata", "bun")
	analysistest.Run(t, dir, analyzer.Analyzer, "./app", "./store", "./hooks")
}

// The Relation fix: a golden file for the edit, and no edit where it
// would change what the loop does (runFixes fails on a fix offered in a
// file without golden file).
func TestBunFixRelation(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "..", "..", "testdata", "bun")
	for _, r := range analysistest.RunWithSuggestedFixes(t, dir, analyzer.Analyzer, "./fixrel") {
		for _, d := range r.Diagnostics {
			name := r.Pass.Fset.Position(d.Pos).Filename
			if _, err := os.Stat(name + ".golden"); err != nil && len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: fix offered in a file without golden file: %s", r.Pass.Fset.Position(d.Pos), d.SuggestedFixes[0].Message)
			}
		}
	}
}

// The nested Relation fix ("Posts.Replies" for a loop over t.Posts in a
// loop over threads): golden files, and no edit where the outer relation
// is not loaded whole or the outer loop writes.
func TestBunFixRelationNested(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "..", "..", "testdata", "bun")
	for _, r := range analysistest.RunWithSuggestedFixes(t, dir, analyzer.Analyzer, "./fixrelnest") {
		for _, d := range r.Diagnostics {
			name := r.Pass.Fset.Position(d.Pos).Filename
			if _, err := os.Stat(name + ".golden"); err != nil && len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: fix offered in a file without golden file: %s", r.Pass.Fset.Position(d.Pos), d.SuggestedFixes[0].Message)
			}
		}
	}
}

// The Exists fix for a count compared to zero, and the counts it leaves
// alone (a builder that changes what Count counts, a query built
// elsewhere, a named boolean).
func TestBunFixExists(t *testing.T) { runModuleFixes(t, "bun", "./fixexists") }

// The bulk insert fix for an insert per element in a RunInTx callback,
// and the loops it leaves alone (no transaction, errors ignored or
// swallowed, a read first, the caller's rows, a key set, a hook, the new
// ID read, a break).
func TestBunFixBulk(t *testing.T) { runModuleFixes(t, "bun", "./fixbulk") }
