package analyzer_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/nplusonelint/nplusonelint/analyzer"
)

// go-pg's scenarios: queries per element through every path, relations
// recognised from pg tags, AfterScan and AfterSelect hooks, and the
// shapes that are not N+1s.
func TestGoPG(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "..", "..", "testdata", "gopg")
	analysistest.Run(t, dir, analyzer.Analyzer, "./app", "./hooks")
}

// The Relation fix: a golden file for each edit, and no edit where it
// would change what the loop does (a fix offered in a file without
// golden file fails). go-pg needs PostgreSQL: the fix output is compiled
// and vetted by rules/gopg/gopgtest, not run.
func TestGoPGFixRelation(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "..", "..", "testdata", "gopg")
	for _, r := range analysistest.RunWithSuggestedFixes(t, dir, analyzer.Analyzer, "./fixrel") {
		for _, d := range r.Diagnostics {
			name := r.Pass.Fset.Position(d.Pos).Filename
			if _, err := os.Stat(name + ".golden"); err != nil && len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: fix offered in a file without golden file: %s", r.Pass.Fset.Position(d.Pos), d.SuggestedFixes[0].Message)
			}
		}
	}
}

// The Exists fix for a count compared to zero, and the counts it leaves
// alone. go-pg runs on PostgreSQL only: the fixed code is compiled and
// vetted (rules/gopg/gopgtest applies every fix of testdata/gopg and
// builds the module), not executed.
func TestGoPGFixExists(t *testing.T) { runModuleFixes(t, "gopg", "./fixexists") }

// The bulk insert fix for an insert per element in a RunInTransaction
// callback, and the loops it leaves alone.
func TestGoPGFixBulk(t *testing.T) { runModuleFixes(t, "gopg", "./fixbulk") }

// Queries in the function ForEach calls once per row, through every path,
// and the callbacks that run none.
func TestGoPGRowCallbacks(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "..", "..", "testdata", "gopg")
	analysistest.Run(t, dir, analyzer.Analyzer, "./rowcb")
}
