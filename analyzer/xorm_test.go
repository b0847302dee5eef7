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
	analysistest.Run(t, dir, analyzer.Analyzer, "./app", "./store", "./hooks")
}

// Queries in the function Iterate calls once per row, through every path,
// and the callbacks that run none.
func TestXormRowCallbacks(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "..", "..", "testdata", "xorm")
	analysistest.Run(t, dir, analyzer.Analyzer, "./rowcb", "./rowcbstore")
}
