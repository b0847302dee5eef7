package analyzer_test

import (
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
