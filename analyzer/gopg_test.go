package analyzer_test

import (
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

// The Exists fix for a count compared to zero, and the counts it leaves
// alone. go-pg runs on PostgreSQL only: the fixed code is compiled and
// vetted (rules/gopg/gopgtest applies every fix of testdata/gopg and
// builds the module), not executed.
func TestGoPGFixExists(t *testing.T) { runModuleFixes(t, "gopg", "./fixexists") }

// The bulk insert fix for an insert per element in a RunInTransaction
// callback, and the loops it leaves alone.
func TestGoPGFixBulk(t *testing.T) { runModuleFixes(t, "gopg", "./fixbulk") }
