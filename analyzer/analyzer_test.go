package analyzer_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/nplusonelint/nplusonelint/analyzer"
)

// The scenarios live in one module, testdata/src at the repository root,
// type-checked against the real gorm.io/gorm the project's go.mod requires.
func testdata() string { return filepath.Join(analysistest.TestData(), "..", "..", "testdata", "src") }

func TestBasic(t *testing.T) { analysistest.Run(t, testdata(), analyzer.Analyzer, "./basic") }

func TestHelpers(t *testing.T) {
	analysistest.Run(t, testdata(), analyzer.Analyzer, "./helpers/...")
}

func TestGeneric(t *testing.T) { analysistest.Run(t, testdata(), analyzer.Analyzer, "./generic") }

func TestClosures(t *testing.T) { analysistest.Run(t, testdata(), analyzer.Analyzer, "./closures") }

func TestNested(t *testing.T) { analysistest.Run(t, testdata(), analyzer.Analyzer, "./nested") }

func TestIgnore(t *testing.T) { analysistest.Run(t, testdata(), analyzer.Analyzer, "./ignore") }

func TestGenerated(t *testing.T) { analysistest.Run(t, testdata(), analyzer.Analyzer, "./generated") }

func TestUnrelated(t *testing.T) { analysistest.Run(t, testdata(), analyzer.Analyzer, "./unrelated") }

func TestLayered(t *testing.T) {
	analysistest.Run(t, testdata(), analyzer.Analyzer, "./layered/...")
}

func TestCallbacks(t *testing.T) { analysistest.Run(t, testdata(), analyzer.Analyzer, "./callbacks") }

func TestCgo(t *testing.T) {
	out, err := exec.Command("go", "env", "CGO_ENABLED").Output()
	if err != nil || strings.TrimSpace(string(out)) != "1" {
		t.Skip("cgo is disabled")
	}
	analysistest.Run(t, testdata(), analyzer.Analyzer, "./cgo")
}

func TestHooks(t *testing.T) { analysistest.Run(t, testdata(), analyzer.Analyzer, "./hooks") }

// A realistic package full of loops and queries and free of N+1s.
func TestCleanApp(t *testing.T) { analysistest.Run(t, testdata(), analyzer.Analyzer, "./cleanapp") }

func TestLo(t *testing.T) { analysistest.Run(t, testdata(), analyzer.Analyzer, "./lofuncs") }

// Fix scenarios: a file with a golden file must produce it when all its
// fixes are applied; a file without one holds cases where no edit may be
// offered, and offering one fails the test.
func runFixes(t *testing.T, pkg string) {
	t.Helper()
	for _, r := range analysistest.RunWithSuggestedFixes(t, testdata(), analyzer.Analyzer, pkg) {
		for _, d := range r.Diagnostics {
			name := r.Pass.Fset.Position(d.Pos).Filename
			if _, err := os.Stat(name + ".golden"); err != nil && len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: fix offered in a file without golden file: %s", r.Pass.Fset.Position(d.Pos), d.SuggestedFixes[0].Message)
			}
		}
	}
}

func TestFixPreload(t *testing.T) { runFixes(t, "./fixpreload") }

func TestFixExists(t *testing.T) { runFixes(t, "./fixexists") }

func TestFixBulk(t *testing.T) { runFixes(t, "./fixbulk") }

func TestMaintenance(t *testing.T) {
	analysistest.Run(t, testdata(), analyzer.Analyzer, "./maintenance")
}

func TestTxHelpers(t *testing.T) {
	analysistest.Run(t, testdata(), analyzer.Analyzer, "./txhelpers/...")
}

func TestClauses(t *testing.T) { analysistest.Run(t, testdata(), analyzer.Analyzer, "./clauses") }

func TestLiteralLoops(t *testing.T) {
	analysistest.Run(t, testdata(), analyzer.Analyzer, "./literalloops")
}
