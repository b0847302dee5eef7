// Package bench measures what the nplusone pass costs on top of the
// analysis driver, on code that cannot reach a data library and on code
// that does. Run: go test ./bench -run '^$' -bench . -benchmem
package bench

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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

// BenchmarkOnePackage: one package of a generated GORM application
// (bench/gen -one) in four files, at 1×, 4× and 16× its size (18 domains,
// ~2.5k lines, up to 288 domains, ~40k lines): the files grow with the
// package. The time per op should grow as the size does.
func BenchmarkOnePackage(b *testing.B) {
	for _, scale := range []int{1, 4, 16} {
		b.Run(fmt.Sprintf("%dx", scale), func(b *testing.B) {
			dir := generate(b, 18*scale)
			run(b, load(b, dir, "./app"), analyzer.Analyzer)
		})
	}
}

// generate writes an application of n domains in one package of four
// files into a
// temporary module, with the example's dependencies.
func generate(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	mod, err := os.ReadFile(filepath.Join("..", "example", "go.mod"))
	if err != nil {
		b.Fatal(err)
	}
	mod = regexp.MustCompile(`(?m)^module .*$`).ReplaceAll(mod, []byte("module example.com/scale"))
	sum, err := os.ReadFile(filepath.Join("..", "example", "go.sum"))
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), mod, 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		b.Fatal(err)
	}
	out, err := exec.Command("go", "run", "./gen", "-one", "-files", "4", "-n", fmt.Sprint(n), "-o", dir).CombinedOutput()
	if err != nil {
		b.Fatalf("gen: %v\n%s", err, out)
	}
	return dir
}
