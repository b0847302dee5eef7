package driver_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
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
		action   driver.Action
		opts     driver.Options
		patterns []string
		err      string
	}{
		{[]string{"./..."}, driver.RunDriver, driver.Options{Tests: true}, []string{"./..."}, ""},
		{[]string{"-json", "-test=false", "a", "b"}, driver.RunDriver, driver.Options{JSON: true}, []string{"a", "b"}, ""},
		{[]string{"-fix", "./..."}, driver.RunDriver, driver.Options{Fix: true, Tests: true}, []string{"./..."}, ""},
		{[]string{"-diff", "./..."}, driver.RunDriver, driver.Options{Fix: true, Diff: true, Tests: true}, []string{"./..."}, ""},
		{[]string{"-c=-1", "./..."}, driver.RunStandard, driver.Options{}, nil, ""},
		{[]string{"-debug", "fpstv", "./..."}, driver.RunStandard, driver.Options{}, nil, ""},
		{[]string{"/tmp/vet.cfg"}, driver.VetProtocol, driver.Options{}, nil, ""},
		{[]string{"-V=full"}, driver.VetProtocol, driver.Options{}, nil, ""},
		{[]string{"-flags"}, driver.VetProtocol, driver.Options{}, nil, ""},
		{[]string{"-V"}, driver.ShowVersion, driver.Options{}, nil, ""},
		{[]string{"-version"}, driver.ShowVersion, driver.Options{}, nil, ""},
		{[]string{"-h"}, driver.ShowHelp, driver.Options{}, nil, ""},
		{[]string{"-nope", "./..."}, 0, driver.Options{}, nil, "flag provided but not defined: -nope"},
		{[]string{"main.go"}, 0, driver.Options{}, nil, "not files"},
		{[]string{"./...", "-json"}, 0, driver.Options{}, nil, "flags come first"},
		{[]string{"-json", "-fix", "./..."}, 0, driver.Options{}, nil, "do not go together"},
		{nil, 0, driver.Options{}, nil, "no packages named"},
	} {
		action, opts, patterns, err := driver.ParseArgs(tc.args, nil)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) || strings.Contains(err.Error(), "\n") {
				t.Errorf("ParseArgs(%q): error %v, want one line containing %q", tc.args, err, tc.err)
			}
			continue
		}
		if err != nil || action != tc.action || opts != tc.opts || !reflect.DeepEqual(patterns, tc.patterns) {
			t.Errorf("ParseArgs(%q) = %v, %+v, %q, %v; want %v, %+v, %q", tc.args, action, opts, patterns, err, tc.action, tc.opts, tc.patterns)
		}
	}
}

// On modules of every shape — the scenario module, one with external
// test packages, a replaced local module of generic helpers, samber/lo
// helpers the rules do not list and a package that does not type-check,
// and a data library's own module — loading only what matters from source
// reports exactly what loading everything from source (singlechecker's
// and go vet's way) reports, with the same package errors. (The modular
// run: resolving interfaces across packages, the default, finds more;
// see TestLayeredStandalone.)
func TestSameAsFullLoad(t *testing.T) {
	for _, tc := range []struct {
		name  string
		dir   string
		tests bool
		want  []string // diagnostics that must be among them, so that the test cannot pass on silence
		errs  int
	}{
		{"scenarios", filepath.Join("..", "testdata", "src"), true, nil, 0},
		{"own modules", filepath.Join("testdata", "own"), true, []string{
			"store.go:19:13: N+1 query: (*gorm.DB).First runs once per element of posts",
			"store.go:27:43: N+1 query: (*gorm.DB).Update runs once per element of posts",
			"store.go:36:6: N+1 query: (*gorm.DB).First runs once per element of posts",
		}, 1},
		{"own modules without tests", filepath.Join("testdata", "own"), false, nil, 1},
		{"a data library's module", gormCopy(t), false, []string{"migrator.go"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := driver.Options{Tests: tc.tests, Dir: tc.dir, Modular: true}
			fast, fastErrs, err := driver.Analyze(analyzer.Analyzer, []string{"./..."}, opts)
			if err != nil {
				t.Fatal(err)
			}
			cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Tests: tc.tests, Dir: tc.dir}
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
			if len(want) == 0 || !slices.Equal(got, want) {
				t.Errorf("fast driver: %d diagnostics, full load: %d\nfast: %q\nfull: %q", len(got), len(want), got, want)
			}
			for _, w := range tc.want {
				if !slices.ContainsFunc(want, func(d string) bool { return strings.Contains(d, w) }) {
					t.Errorf("no diagnostic %q among %q", w, want)
				}
			}
			if fullErrs := driver.ErrorLines(pkgs); !slices.Equal(fastErrs, fullErrs) || len(fastErrs) != tc.errs {
				t.Errorf("fast driver: errors %q, full load: %q, want %d", fastErrs, fullErrs, tc.errs)
			}
			for act := range fast.All() {
				if id := act.Package.ID; strings.Contains(id, ".test") && act.Package.Module != nil && !act.Package.Module.Main {
					t.Errorf("loaded %s: tests of a dependency", id)
				}
			}
		})
	}
}

// gormCopy copies gorm.io/gorm, the version the scenario module requires,
// from the module cache into a writable directory of its own.
func gormCopy(t *testing.T) string {
	cmd := exec.Command("go", "mod", "download", "-json", "gorm.io/gorm")
	cmd.Dir = filepath.Join("..", "testdata", "src")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go mod download gorm.io/gorm: %v", err)
	}
	var mod struct{ Dir string }
	if err := json.Unmarshal(out, &mod); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "gorm")
	if err := os.CopyFS(dst, os.DirFS(mod.Dir)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// On a subset of the scenario packages the driver reports only on those.
func TestOnlyRootsReported(t *testing.T) {
	dir := filepath.Join("..", "testdata", "src")
	all, _, err := driver.Analyze(analyzer.Analyzer, []string{"./..."}, driver.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	sub, _, err := driver.Analyze(analyzer.Analyzer, []string{"./helpers"}, driver.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	var inHelpers []string
	for _, d := range diagnostics(all) {
		file, _, _ := strings.Cut(d, ".go:")
		if filepath.Base(filepath.Dir(file)) == "helpers" {
			inHelpers = append(inHelpers, d)
		}
	}
	if got := diagnostics(sub); len(got) == 0 || !slices.Equal(got, inHelpers) {
		t.Errorf("./helpers: %q, want the diagnostics of package helpers: %q", got, inHelpers)
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
