// Package bench measures what the nplusone pass costs on top of the
// analysis driver, on code that cannot reach a data library and on code
// that does. Run: go test ./bench -run '^$' -bench . -benchmem
package bench

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/packages"

	"github.com/nplusonelint/nplusonelint/analyzer"
)

type noFact struct{}

func (*noFact) AFact() {}

// noop declares a fact type, so the driver runs it on every dependency as
// it runs nplusone: the baseline cost of any fact-exporting analyzer.
var noop = &analysis.Analyzer{
	Name:      "noop",
	Doc:       "does nothing, with facts",
	FactTypes: []analysis.Fact{new(noFact)},
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
}

// ssaEverywhere is the naive design: facts plus buildssa, so SSA is built
// for every package, the standard library included.
var ssaEverywhere = &analysis.Analyzer{
	Name:      "ssaeverywhere",
	Doc:       "builds SSA for every package, with facts",
	FactTypes: []analysis.Fact{new(noFact)},
	Requires:  []*analysis.Analyzer{buildssa.Analyzer},
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
}

func load(b *testing.B, dir string, patterns ...string) []*packages.Package {
	b.Helper()
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Env: append(os.Environ(), "GOFLAGS=-mod=mod")}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		b.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		b.Fatal("packages had errors")
	}
	return pkgs
}

func run(b *testing.B, pkgs []*packages.Package, a *analysis.Analyzer) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, &checker.Options{Sequential: true}); err != nil {
			b.Fatal(err)
		}
	}
}

func compare(b *testing.B, pkgs []*packages.Package) {
	b.Run("noop", func(b *testing.B) { run(b, pkgs, noop) })
	b.Run("nplusone", func(b *testing.B) { run(b, pkgs, analyzer.Analyzer) })
	b.Run("ssa-everywhere", func(b *testing.B) { run(b, pkgs, ssaEverywhere) })
}

// BenchmarkNoDataAccess: net/http and its ~100 dependencies, none of which
// can reach a data library.
func BenchmarkNoDataAccess(b *testing.B) { compare(b, load(b, ".", "net/http")) }

// BenchmarkGORMScenarios: every package of the analysistest scenarios,
// with gorm and its dependencies.
func BenchmarkGORMScenarios(b *testing.B) {
	compare(b, load(b, filepath.Join("..", "testdata", "src"), "./..."))
}
