package analyzer_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"

	"github.com/nplusonelint/nplusonelint/analyzer"
	"github.com/nplusonelint/nplusonelint/rules/libraries"
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

// database/sql, the second library: its scenarios are a module of their
// own that needs nothing but the standard library.
func TestDatabaseSQL(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "..", "..", "testdata", "databasesql")
	analysistest.Run(t, dir, analyzer.Analyzer, "./basic", "./store", "./service", "./copyin")
}

// A team's own client is a query API once declared, and only then.
func TestDeclaredQueries(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "..", "..", "testdata", "databasesql")
	reg := libraries.Registry()
	a := analyzer.New(reg)
	if err := a.Flags.Set("queries", "(*example.com/sqlapp/kv.Client).Get,example.com/sqlapp/kv.Client.GetMany"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, a, "./profiles")

	var undeclared recorder
	analysistest.Run(&undeclared, dir, analyzer.Analyzer, "./profiles")
	if len(undeclared.errors) == 0 {
		t.Error("without -queries the client must be unknown, and the scenario's expectations unmet")
	}
	if err := analyzer.New(libraries.Registry()).Flags.Set("queries", "Get"); err == nil {
		t.Error("a pattern naming no function must be rejected")
	}
}

// recorder is an analysistest.Testing that keeps the errors.
type recorder struct{ errors []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

// An internal error in one function is a diagnostic naming it; the
// package's other functions are still analyzed.
func TestInternalErrorIsReported(t *testing.T) {
	analyzer.SetAnalyzeHook(func(fn *ssa.Function) {
		if fn.Name() == "Crashes" {
			panic("injected")
		}
	})
	defer analyzer.SetAnalyzeHook(nil)
	dir := filepath.Join(analysistest.TestData(), "..", "..", "testdata", "databasesql")
	analysistest.Run(t, dir, analyzer.Analyzer, "./crash")
}

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

// A query per row of a FindInBatches batch is an N+1; one per batch is not.
func TestRowCallbacksInBatches(t *testing.T) {
	analysistest.Run(t, testdata(), analyzer.Analyzer, "./rowcbbatches")
}

// A Create taking &posts stores the posts: it is not named as their origin.
func TestWriteIsNoOrigin(t *testing.T) {
	analysistest.Run(t, testdata(), analyzer.Analyzer, "./createdorigin")
}
