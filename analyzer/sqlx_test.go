package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/nplusonelint/nplusonelint/analyzer"
)

func TestSQLX(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "..", "..", "testdata", "sqlx")
	analysistest.Run(t, dir, analyzer.Analyzer, "./basic", "./store", "./service", "./migrate")
	analysistest.RunWithSuggestedFixes(t, dir, analyzer.Analyzer, "./exists")
}
