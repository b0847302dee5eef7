package driver_test

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/nplusonelint/nplusonelint/analyzer"
	"github.com/nplusonelint/nplusonelint/driver"
)

func TestParseArgs(t *testing.T) {
	for _, tc := range []struct {
		args     []string
		opts     driver.Options
		patterns []string
		ok       bool
	}{
		{[]string{"./..."}, driver.Options{Tests: true}, []string{"./..."}, true},
		{[]string{"-json", "-test=false", "a", "b"}, driver.Options{JSON: true}, []string{"a", "b"}, true},
		{[]string{"-fix", "./..."}, driver.Options{}, nil, false},
		{[]string{"-diff", "./..."}, driver.Options{}, nil, false},
		{[]string{"/tmp/vet.cfg"}, driver.Options{}, nil, false},
		{[]string{"main.go"}, driver.Options{}, nil, false},
		{[]string{"-flags"}, driver.Options{}, nil, false},
		{nil, driver.Options{Tests: true}, nil, false},
	} {
		opts, patterns, ok := driver.ParseArgs(tc.args)
		if ok != tc.ok || ok && (opts != tc.opts || !reflect.DeepEqual(patterns, tc.patterns)) {
			t.Errorf("ParseArgs(%q) = %+v, %q, %v; want %+v, %q, %v", tc.args, opts, patterns, ok, tc.opts, tc.patterns, tc.ok)
		}
	}
}

// On the whole scenario module, loading only what matters from source
// reports exactly what loading everything from source (singlechecker's
// way) reports, and on a subset of packages it reports only on those.
func TestSameDiagnosticsAsFullLoad(t *testing.T) {
	dir := filepath.Join("..", "testdata", "src")
	fast, _, err := driver.Analyze(analyzer.Analyzer, []string{"./..."}, driver.Options{Tests: true, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Tests: true, Dir: dir}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	// SanityCheck also checks that facts encode deterministically.
	full, err := checker.Analyze([]*analysis.Analyzer{analyzer.Analyzer}, pkgs, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	got, want := diagnostics(fast), diagnostics(full)
	if len(want) < 50 || !slices.Equal(got, want) {
		t.Errorf("fast driver: %d diagnostics, full load: %d\nfast: %q\nfull: %q", len(got), len(want), got, want)
	}

	sub, _, err := driver.Analyze(analyzer.Analyzer, []string{"./helpers"}, driver.Options{Tests: true, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	var inHelpers []string
	for _, d := range want {
		file, _, _ := strings.Cut(d, ".go:")
		if filepath.Base(filepath.Dir(file)) == "helpers" {
			inHelpers = append(inHelpers, d)
		}
	}
	if got := diagnostics(sub); len(got) == 0 || len(got) != len(inHelpers) {
		t.Errorf("./helpers: %d diagnostics, want the %d of package helpers: %q", len(got), len(inHelpers), got)
	}
}

// diagnostics lists the root diagnostics of a graph as sorted, deduplicated
// "position: message" strings.
func diagnostics(g *checker.Graph) []string {
	var out []string
	for act := range g.All() {
		if !act.IsRoot {
			continue
		}
		for _, d := range act.Diagnostics {
			out = append(out, fmt.Sprintf("%s: %s", act.Package.Fset.Position(d.Pos), d.Message))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
