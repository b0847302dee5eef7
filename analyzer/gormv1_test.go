package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/nplusonelint/nplusonelint/analyzer"
)

// GORM v1's scenarios: queries per element through every path, Related
// and Association, associations preloaded, AfterFind hooks in each form,
// and the shapes that are not N+1s.
func TestGormV1(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "..", "..", "testdata", "gormv1")
	analysistest.Run(t, dir, analyzer.Analyzer, "./app", "./store", "./hooks", "./models")
}
