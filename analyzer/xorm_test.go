package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/nplusonelint/nplusonelint/analyzer"
)

// xorm's scenarios: queries per element through every path, AfterLoad
// and AfterSet hooks, and the shapes that are not N+1s.
func TestXorm(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "..", "..", "testdata", "xorm")
	analysistest.Run(t, dir, analyzer.Analyzer, "./app", "./store", "./hooks", "./forks", "./tables")
}

// The Exist fix for a count compared to zero, and the counts it leaves
// alone (a builder that changes what Count counts, no bean, a session).
func TestXormFixExists(t *testing.T) { runModuleFixes(t, "xorm", "./fixexists") }

// The bulk insert fix for an Insert per element in a Transaction
// callback, and the loops it leaves alone (no transaction, the caller's
// rows, a key set, a deleted column, a hook, a commit after a failure).
func TestXormFixBulk(t *testing.T) { runModuleFixes(t, "xorm", "./fixbulk") }

// Queries in the function Iterate calls once per row, through every path,
// and the callbacks that run none.
func TestXormRowCallbacks(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "..", "..", "testdata", "xorm")
	analysistest.Run(t, dir, analyzer.Analyzer, "./rowcb", "./rowcbstore")
}
