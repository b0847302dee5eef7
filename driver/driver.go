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
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
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
	return graph, errorLines(roots), nil
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
