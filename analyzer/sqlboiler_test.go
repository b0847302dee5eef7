package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/nplusonelint/nplusonelint/analyzer"
)

// sqlboiler: the generated models' finishers, Find, Exists and writes,
// found through their shape (testdata/sqlboiler/models is written in the
// shape of sqlboiler's templates); loaded relations (o.R.Y), builders and
// batched or paginated loops are not N+1s.
func TestSQLBoiler(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "..", "..", "testdata", "sqlboiler")
	analysistest.Run(t, dir, analyzer.Analyzer, "./blog", "./helpers", "./feed")
}
