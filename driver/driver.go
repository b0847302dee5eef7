// Package driver runs an analyzer standalone without type-checking every
// dependency from source.
//
// The standard driver (singlechecker) loads every dependency of an
// analyzer with facts from source, the standard library included: most of
// a run's time and memory. Here only the packages that can matter are
// loaded from source — the packages named on the command line, the
// packages of the main modules they import, and any package that imports
// a data library or one of those — and everything else comes from export
// data. Callback knowledge of common libraries lives in the rules, so
// nothing is lost on them.
package driver

import (
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/nplusonelint/nplusonelint/rules/libraries"
)

// Options are the command-line options Run supports.
type Options struct {
	JSON  bool   // print diagnostics as JSON on stdout
	Tests bool   // include test files
	Dir   string // directory to run the build system in; "" for the current one
}

// ParseArgs splits args into options and package patterns. It reports
// false when args use anything Run does not support (fixes, diffs, the
// vet protocol, help), which singlechecker handles instead.
func ParseArgs(args []string) (Options, []string, bool) {
	opts := Options{Tests: true}
	var patterns []string
	for _, a := range args {
		switch a {
		case "-json", "--json":
			opts.JSON = true
		case "-test", "--test", "-test=true", "--test=true":
			opts.Tests = true
		case "-test=false", "--test=false":
			opts.Tests = false
		default:
			// Files (a.go, vet's .cfg) name no importable package: the
			// driver cannot load them again by path.
			if strings.HasPrefix(a, "-") || strings.HasSuffix(a, ".cfg") || strings.HasSuffix(a, ".go") {
				return Options{}, nil, false
			}
			patterns = append(patterns, a)
		}
	}
	return opts, patterns, len(patterns) > 0
}

// Run analyzes the packages matching patterns with a, prints the
// diagnostics as singlechecker does (text on stderr, or JSON on stdout)
// and returns singlechecker's exit code: 1 for errors, 3 for diagnostics.
func Run(a *analysis.Analyzer, patterns []string, opts Options) int {
	graph, loadErrs, err := Analyze(a, patterns, opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	code := 0
	if loadErrs > 0 {
		code = 1
	}
	return print(graph, opts, os.Stdout, os.Stderr, code)
}

// Analyze loads and analyzes the packages matching patterns. In the
// returned graph, only the actions of those packages are roots (the
// others were loaded from source for their facts). It also returns the
// number of package errors, which it printed.
func Analyze(a *analysis.Analyzer, patterns []string, opts Options) (*checker.Graph, int, error) {
	roots, source, err := sourcePackages(patterns, opts)
	if err != nil {
		return nil, 0, err
	}
	cfg := &packages.Config{Mode: packages.LoadSyntax, Tests: opts.Tests, Dir: opts.Dir}
	pkgs, err := packages.Load(cfg, source...)
	if err != nil {
		return nil, 0, err
	}
	loadErrs := packages.PrintErrors(pkgs)
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		return nil, loadErrs, err
	}
	for _, act := range graph.Roots {
		act.IsRoot = roots[act.Package.PkgPath]
	}
	return graph, loadErrs, nil
}

// print writes the diagnostics and computes the exit code.
func print(g *checker.Graph, opts Options, stdout, stderr io.Writer, code int) int {
	if opts.JSON {
		if err := g.PrintJSON(stdout); err != nil {
			return 1
		}
		return 0
	}
	if err := g.PrintText(stderr, -1); err != nil {
		return 1
	}
	diags := 0
	for act := range g.All() {
		if act.Err != nil {
			code = 1 // PrintText printed it
		} else if act.IsRoot {
			diags += len(act.Diagnostics)
		}
	}
	if code == 0 && diags > 0 {
		code = 3
	}
	return code
}

// sourcePackages loads the import graph of patterns (names and imports
// only) and returns the import paths of the packages named, and the
// patterns of those to load from source.
func sourcePackages(patterns []string, opts Options) (map[string]bool, []string, error) {
	mode := packages.NeedName | packages.NeedImports | packages.NeedDeps | packages.NeedModule
	initial, err := packages.Load(&packages.Config{Mode: mode, Tests: opts.Tests, Dir: opts.Dir}, patterns...)
	if err != nil {
		return nil, nil, err
	}
	roots := map[string]bool{}
	for _, p := range initial {
		roots[p.PkgPath] = true
	}
	fromSource := map[*packages.Package]bool{}
	var paths []string
	seen := map[string]bool{}
	packages.Visit(initial, nil, func(p *packages.Package) {
		if library(p) {
			return
		}
		src := roots[p.PkgPath] || p.Module != nil && p.Module.Main
		for path, imp := range p.Imports {
			if registry.ForPath(path) != nil || fromSource[imp] {
				src = true
			}
		}
		if !src {
			return
		}
		fromSource[p] = true
		// The synthesized test main ("p.test") is loaded with p's tests.
		if !seen[p.PkgPath] && !(p.Name == "main" && strings.HasSuffix(p.PkgPath, ".test")) {
			seen[p.PkgPath] = true
			paths = append(paths, p.PkgPath)
		}
	})
	return roots, paths, nil
}

// registry knows the data libraries' import paths.
var registry = libraries.Registry()

// library reports whether p belongs to a data library's module: those are
// known from the rules, never analyzed.
func library(p *packages.Package) bool {
	return registry.ForPath(p.PkgPath) != nil || p.Module != nil && registry.ForPath(p.Module.Path) != nil
}
