package analyzer

import (
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/nplusonelint/nplusonelint/rules"
	"github.com/nplusonelint/nplusonelint/rules/libraries"
)

// Analyzer reports queries run once per element of a collection (N+1
// queries), for every library of rules/libraries and the queries declared
// with its -queries flag.
var Analyzer = New(libraries.Registry())

// New returns an analyzer that knows the libraries and declared queries of
// reg. Its -queries flag declares more (see rules.Registry.Declare).
func New(reg *rules.Registry) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:      "nplusone",
		Doc:       rules.AnalyzerDoc(),
		URL:       rules.DocsURL,
		Run:       func(pass *analysis.Pass) (any, error) { return run(pass, reg) },
		FactTypes: []analysis.Fact{new(QueryFact), new(CallbackFact), new(reachesFact), new(ListFact)},
	}
	a.Flags.Var(queriesFlag{reg}, "queries", "comma-separated `patterns` of your own query-running functions and methods: pkg/path.Func, (*pkg/path.Type).Method, pkg/path.Type.* (every method of a type or interface); suffix =write, =count or =exec for their kind; @FILE reads them from a file, one a line (what nplusonelint -emit-config writes)")
	return a
}

// queriesFlag declares queries into a registry.
type queriesFlag struct{ reg *rules.Registry }

func (f queriesFlag) String() string {
	if f.reg == nil {
		return ""
	}
	return strings.Join(f.reg.DeclaredPatterns(), ",")
}

func (f queriesFlag) Set(s string) error {
	for _, p := range strings.Split(s, ",") {
		if err := declare(f.reg, p); err != nil {
			return err
		}
	}
	return nil
}

var _ flag.Value = queriesFlag{}

// checks is what every check of one package shares, computed once: the
// pass, the registry, the index of its syntax and the directives.
type checks struct {
	pass      *analysis.Pass
	reg       *rules.Registry
	syntax    *syntax
	ignores   *ignores
	generated map[*ast.File]bool // the generated files, in which nothing is reported
	failed    bool               // an internal error skipped part of the package
}

// silenced reports whether nothing may be reported at pos: it is in a
// generated file or a test file, or an ignore directive covers it.
func (c *checks) silenced(pos token.Pos) bool {
	return c.generated[fileOf(c.pass, pos)] || isTestFile(c.pass, pos) || c.ignores.covers(c.pass.Fset.Position(pos))
}

func run(pass *analysis.Pass, reg *rules.Registry) (any, error) {
	if reg.Owns(pass.Pkg.Path()) && !ownModule(pass) {
		return nil, nil // the libraries themselves are not analyzed, unless worked on
	}
	exportCallbackFacts(pass, reg)
	exportListFacts(pass)
	if !reachesData(pass, reg) {
		return nil, nil
	}
	if pass.Pkg.Name() != "main" { // nothing imports a main package
		pass.ExportPackageFact(new(reachesFact))
	}
	if len(pass.Files) == 0 {
		return nil, nil // loaded from export data by a driver: no code to analyze
	}
	c := &checks{pass: pass, reg: reg, syntax: newSyntax(pass, reg), ignores: collectIgnores(pass), generated: map[*ast.File]bool{}}
	for _, f := range pass.Files {
		c.generated[f] = isGenerated(f)
	}
	c.guard(pass.Files[0].Package, "counts compared to zero", c.reportExistence)
	c.guard(pass.Files[0].Package, "package", func() { analyzePackage(c) })
	if !c.failed {
		c.ignores.reportUnused(c) // decidable once the whole package is analyzed
	}
	return nil, nil
}

// ownModule reports whether the package belongs to a module the user
// works on (a main or workspace module, which has no version): a data
// library's own code is analyzed only when its developers run the tool on
// it, never as a dependency.
func ownModule(pass *analysis.Pass) bool {
	m := pass.Module
	return m != nil && m.Path != "" && (m.Main || m.Version == "")
}

// guard runs f; an internal error in it is reported as a diagnostic
// (rule internal-error) naming the package and what was being analyzed,
// instead of stopping the user's whole vet, fix or golangci-lint run or
// vanishing on stderr. What was reported before the error stays.
func (c *checks) guard(pos token.Pos, what string, f func()) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			c.failed = true
			c.pass.Report(analysis.Diagnostic{
				Pos:      pos,
				Category: internalErrorRule,
				Message:  fmt.Sprintf("nplusone: internal error analyzing %s in %s, skipped: %v", what, c.pass.Pkg.Path(), r),
				URL:      rules.RuleURL(internalErrorRule),
			})
			ok = false
		}
	}()
	f()
	return true
}

// internalErrorRule is the rule ID of an analysis that failed.
const internalErrorRule = "internal-error"

// analyzePackage builds SSA for a package that can reach a data library
// and analyzes each of its functions, callees first.
func analyzePackage(c *checks) {
	ssapkg := buildSSA(c.pass)
	funcs := packageFunctions(c.pass, ssapkg)
	s := &state{
		checks:   c,
		ssapkg:   ssapkg,
		funcs:    funcs,
		sums:     map[*ssa.Function]*QueryFact{},
		flows:    map[*ssa.Function]*flowAnalysis{},
		impls:    map[*types.Interface][]types.Type{},
		bodies:   findBodies(c.syntax, ssapkg, funcs),
		reported: map[token.Pos]bool{},
		failed:   map[*ssa.Function]bool{},
	}
	s.run(funcs)
}

// funcPos returns where fn is declared, for an internal error's report.
func funcPos(fn *ssa.Function, pass *analysis.Pass) token.Pos {
	if fn.Pos().IsValid() {
		return fn.Pos()
	}
	if syn, ok := fn.Syntax().(ast.Node); ok && syn != nil {
		return syn.Pos()
	}
	return pass.Files[0].Package
}
