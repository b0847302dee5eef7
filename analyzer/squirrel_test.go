package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/nplusonelint/nplusonelint/analyzer"
)

func TestSquirrel(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "..", "..", "testdata", "squirrel")
	analysistest.Run(t, dir, analyzer.Analyzer, "./basic", "./store", "./service")
}
