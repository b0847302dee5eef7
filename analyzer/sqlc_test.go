package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/nplusonelint/nplusonelint/analyzer"
)

// sqlc: its scenarios use code the real sqlc generated (pgx v5 and
// database/sql), committed in the module with the command regenerating it.
func TestSqlc(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "..", "..", "testdata", "sqlc")
	analysistest.Run(t, dir, analyzer.Analyzer, "./service", "./liteapp")
}
