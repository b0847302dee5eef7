// Package driver runs an analyzer standalone without type-checking every
// dependency from source.
//
// The standard driver (singlechecker) loads every dependency of an
// analyzer with facts from source, the standard library included: most of
// a run's time and memory. Here only the packages whose facts the analysis
// can use are checked from source (see fromSource) and everything else
// comes from the compiler's export data.
package driver

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/nplusonelint/nplusonelint/analyzer"
	"github.com/nplusonelint/nplusonelint/rules"
	"github.com/nplusonelint/nplusonelint/rules/libraries"
)

// Exit codes of Run.
const (
	ExitClean    = 0 // nothing reported (with -fix: everything fixed; with -json or -sarif: diagnostics or not)
	ExitError    = 1 // packages failed to load or type-check, or files could not be written
	ExitUsage    = 2 // bad command line
	ExitReported = 3 // diagnostics reported
)

// Run analyzes the packages matching patterns with a, prints the
// diagnostics (text on stderr, or JSON or SARIF on stdout) or applies their fixes,
// and returns the exit code.
func Run(a *analysis.Analyzer, patterns []string, opts Options) int {
	return run(a, patterns, opts, os.Stdout, os.Stderr)
}

func run(a *analysis.Analyzer, patterns []string, opts Options, stdout, stderr io.Writer) int {
	graph, loadErrs, err := Analyze(a, patterns, opts)
	if err != nil {
		fmt.Fprintln(stderr, "nplusonelint:", err)
		return ExitError
	}
	code := ExitClean
	for _, line := range loadErrs {
		fmt.Fprintln(stderr, line)
		code = ExitError
	}
	for act := range graph.All() {
		if act.Err != nil && !act.Package.IllTyped { // an ill-typed package's errors are printed above
			fmt.Fprintf(stderr, "%s: %s: %v\n", act.Package.PkgPath, act.Analyzer.Name, act.Err)
			code = ExitError
		}
	}
	diags := rootDiagnostics(graph)
	found := len(diags)
	switch {
	case opts.JSON:
		if err := graph.PrintJSON(stdout); err != nil {
			fmt.Fprintln(stderr, "nplusonelint:", err)
			return ExitError
		}
		return code
	case opts.SARIF:
		if err := printSARIF(stdout, diags, loadErrs, code == ExitClean); err != nil {
			fmt.Fprintln(stderr, "nplusonelint:", err)
			return ExitError
		}
		return code
	case opts.Fix:
		left, err := applyFixes(diags, opts.Diff, stdout)
		if err != nil {
			fmt.Fprintln(stderr, "nplusonelint:", err)
			code = ExitError
		}
		diags = left
	}
	for _, d := range diags {
		printText(stderr, d)
	}
	if code == ExitClean && (len(diags) > 0 || opts.Diff && found > 0) {
		code = ExitReported // with -diff: the fixes shown are not applied
	}
	return code
}

// Analyze loads and analyzes the packages matching patterns. Only the
// actions of those packages are roots of the graph. It also returns the
// packages' errors (load, parse, type), one line each.
func Analyze(a *analysis.Analyzer, patterns []string, opts Options) (*checker.Graph, []string, error) {
	roots, err := load(patterns, opts)
	if err != nil {
		if err.Error() == "matched no packages" {
			err = fmt.Errorf("%q matched no packages", strings.Join(patterns, " "))
		}
		return nil, nil, err
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, roots, nil)
	if err != nil {
		return nil, nil, err
	}
	if !opts.Modular && a.Name == analyzer.Analyzer.Name {
		if graph, err = resolveAndAnalyze(graph, roots, opts); err != nil {
			return nil, nil, err
		}
	}
	return graph, errorLines(roots), nil
}

// resolveAndAnalyze declares the interface methods the facts of graph
// resolve to querying implementations and analyzes the packages again
// with them, until no new method resolves (a decorator over another
// interface resolves one round later); at most three rounds in all. It
// writes the declarations to opts.EmitConfig when set.
func resolveAndAnalyze(graph *checker.Graph, roots []*packages.Package, opts Options) (*checker.Graph, error) {
	base := opts.Registry
	if base == nil {
		base = libraries.Registry()
	}
	var resolved []rules.Declared
	for round := 0; round < 2; round++ {
		next := resolveInterfaces(roots, graph, base)
		if sameMethods(next, resolved) {
			break
		}
		resolved = next
		reg := base.Clone()
		for _, d := range resolved {
			if err := reg.Declare(d.String()); err != nil {
				return nil, err
			}
		}
		g, err := checker.Analyze([]*analysis.Analyzer{analyzer.New(reg)}, roots, nil)
		if err != nil {
			return nil, err
		}
		graph = g
	}
	if opts.EmitConfig != "" {
		if err := emitConfig(opts.EmitConfig, resolved); err != nil {
			return nil, err
		}
	}
	return graph, nil
}

// sameMethods reports whether two resolutions declare the same methods.
func sameMethods(a, b []rules.Declared) bool {
	return slices.EqualFunc(a, b, func(x, y rules.Declared) bool {
		return x.Pkg == y.Pkg && x.Type == y.Type && x.Name == y.Name && x.Args == y.Args
	})
}

// emitConfig writes the declarations to file, one pattern a line, through
// a temporary file so that a failed write leaves no half-written file.
func emitConfig(file string, ds []rules.Declared) error {
	var b strings.Builder
	b.WriteString("# Interface methods resolved by nplusonelint -emit-config: read with -queries=@FILE\n")
	for _, d := range ds {
		b.WriteString(d.String() + "\n")
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), ".nplusonelint-*")
	if err != nil {
		return fmt.Errorf("-emit-config: %v", err)
	}
	_, werr := tmp.WriteString(b.String())
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), file)
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("-emit-config: %v", werr)
	}
	return nil
}

// diagnostic is a root diagnostic with the file set to print it.
type diagnostic struct {
	analysis.Diagnostic
	act *checker.Action
}

// rootDiagnostics returns the diagnostics of the root actions, each once
// (a file of p is also in p's test variant).
func rootDiagnostics(g *checker.Graph) []diagnostic {
	var out []diagnostic
	seen := map[string]bool{}
	unused := unusedEverywhere(g)
	for _, act := range g.Roots {
		kept := act.Diagnostics[:0]
		for _, d := range act.Diagnostics {
			key := fmt.Sprintf("%s: %s", act.Package.Fset.Position(d.Pos), d.Message)
			if d.Category == unusedIgnoreRule && !unused[key] {
				continue
			}
			if !seen[key] {
				seen[key] = true
				kept = append(kept, d)
				out = append(out, diagnostic{d, act})
			}
		}
		// A package and its test variant both report the package's own
		// files: -json, which prints per package, says each once too.
		act.Diagnostics = kept
	}
	return out
}

// unusedIgnoreRule is the rule of an ignore directive that suppressed
// nothing in its package.
const unusedIgnoreRule = "unused-ignore"

// unusedEverywhere returns the unused-ignore diagnostics that every root
// analysis of their file reported: a directive a package's test variant
// needs (test code can complete what is known of the other files) is used.
func unusedEverywhere(g *checker.Graph) map[string]bool {
	analyses := map[string]int{} // file: root actions analyzing it
	reported := map[string]int{} // diagnostic: root actions reporting it
	for _, act := range g.Roots {
		for _, f := range act.Package.Syntax {
			analyses[act.Package.Fset.File(f.Pos()).Name()]++
		}
		for _, d := range act.Diagnostics {
			if d.Category == unusedIgnoreRule {
				reported[fmt.Sprintf("%s: %s", act.Package.Fset.Position(d.Pos), d.Message)]++
			}
		}
	}
	out := map[string]bool{}
	for _, act := range g.Roots {
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			if key := fmt.Sprintf("%s: %s", p, d.Message); d.Category == unusedIgnoreRule && reported[key] == analyses[p.Filename] {
				out[key] = true
			}
		}
	}
	return out
}

// printText prints d as the standard driver does: its position and
// message, then each related position indented.
func printText(w io.Writer, d diagnostic) {
	fset := d.act.Package.Fset
	fmt.Fprintf(w, "%s: %s\n", fset.Position(d.Pos), d.Message)
	for _, r := range d.Related {
		fmt.Fprintf(w, "%s: \t%s\n", fset.Position(r.Pos), r.Message)
	}
}
