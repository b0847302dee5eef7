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

// Queries in the function ForEach calls once per row, through every path,
// and the callbacks that run none.
func TestGoPGRowCallbacks(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "..", "..", "testdata", "gopg")
	analysistest.Run(t, dir, analyzer.Analyzer, "./rowcb")
}
