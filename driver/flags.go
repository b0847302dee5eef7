package driver

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nplusonelint/nplusonelint/rules"
)

// Action says what the command line asks for.
type Action int

// The actions of a command line.
const (
	RunDriver   Action = iota // run the driver on the patterns
	RunStandard               // hand the arguments to the standard driver (singlechecker)
	VetProtocol               // go vet / go fix talking to a vet tool: singlechecker
	ShowHelp                  // print the usage
	ShowVersion               // print the version
)

// Options are the command-line options Run supports.
type Options struct {
	JSON  bool   // print diagnostics as JSON on stdout
	SARIF bool   // print diagnostics as SARIF 2.1.0 on stdout
	Tests bool   // also analyze the test variants of the packages named
	Fix   bool   // apply the suggested fixes
	Diff  bool   // with Fix: print the fixes as a unified diff, write nothing
	Dir   string // directory to run the build system in; "" for the current one
	// Registry is the analyzer's registry, whose declared queries decide
	// which packages reach data; nil for the default libraries.
	Registry *rules.Registry
	// Modular turns off the resolution of interface methods to their
	// implementations among the loaded packages (see resolveInterfaces):
	// the run then finds what go vet finds.
	Modular bool
	// EmitConfig, when set, is the file the resolved interface methods are
	// written to, one declared pattern a line, for -queries=@FILE.
	EmitConfig string
}

// standardFlags are the flags only the standard driver knows (context
// lines, debugging, profiles): a command line using one is run by it.
var standardFlags = []string{"c", "debug", "cpuprofile", "memprofile", "trace", "v"}

// ParseArgs reads a command line (without the program name); a's own
// flags (-queries) are set on a. The go command's vet and fix protocol (a
// .cfg file, -V=full, -flags) and the standard driver's own flags are
// recognised and left to singlechecker; anything else wrong is an error,
// in one line.
func ParseArgs(args []string, a *analysis.Analyzer) (Action, Options, []string, error) {
	for _, a := range args {
		if strings.HasSuffix(a, ".cfg") || a == "-V=full" || a == "--V=full" || a == "-flags" || a == "--flags" {
			return VetProtocol, Options{}, nil, nil
		}
	}
	opts := Options{Tests: true}
	fs := flag.NewFlagSet("nplusonelint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if a != nil {
		a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	}
	fs.BoolVar(&opts.JSON, "json", false, "")
	fs.BoolVar(&opts.SARIF, "sarif", false, "")
	fs.BoolVar(&opts.Tests, "test", true, "")
	fs.BoolVar(&opts.Fix, "fix", false, "")
	fs.BoolVar(&opts.Diff, "diff", false, "")
	fs.StringVar(&opts.EmitConfig, "emit-config", "", "")
	fs.BoolVar(&opts.Modular, "modular", false, "")
	var version bool
	fs.BoolVar(&version, "V", false, "")
	fs.BoolVar(&version, "version", false, "")
	standard := false
	for _, name := range standardFlags {
		fs.Func(name, "", func(string) error { standard = true; return nil })
	}
	// -v and -debug are boolean-looking in the standard driver.
	fs.Lookup("v").Value = boolFunc(func() { standard = true })
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ShowHelp, Options{}, nil, nil
		}
		return 0, Options{}, nil, fmt.Errorf("%v (see nplusonelint -h)", err)
	}
	switch {
	case version:
		return ShowVersion, Options{}, nil, nil
	case standard:
		return RunStandard, Options{}, nil, nil
	case fs.NArg() == 0:
		return 0, Options{}, nil, errors.New("no packages named: nplusonelint [flags] packages (see nplusonelint -h)")
	case opts.Modular && opts.EmitConfig != "":
		return 0, Options{}, nil, errors.New("-emit-config writes what -modular leaves out: use one or the other")
	case opts.JSON && opts.Fix:
		return 0, Options{}, nil, errors.New("-json and -fix do not go together: -fix prints what it could not fix as text")
	case opts.SARIF && (opts.Fix || opts.Diff || opts.JSON):
		return 0, Options{}, nil, errors.New("-sarif goes with none of -json, -fix, -diff: it prints the diagnostics, their fixes included, as SARIF")
	}
	for _, p := range fs.Args() {
		if strings.HasPrefix(p, "-") {
			return 0, Options{}, nil, fmt.Errorf("flag %s after the packages: flags come first (see nplusonelint -h)", p)
		}
		if strings.HasSuffix(p, ".go") {
			return 0, Options{}, nil, fmt.Errorf("%s: name packages (./..., ./dir, an import path), not files", p)
		}
	}
	// -diff shows what -fix would do.
	opts.Fix = opts.Fix || opts.Diff
	return RunDriver, opts, fs.Args(), nil
}

// boolFunc is a flag that takes no value.
type boolFunc func()

func (f boolFunc) String() string   { return "" }
func (f boolFunc) Set(string) error { f(); return nil }
func (f boolFunc) IsBoolFlag() bool { return true }

// Usage is the command's help text.
const Usage = `nplusonelint finds N+1 queries in Go database code: a query for a list,
then one more query per element of that list.

Usage:

	nplusonelint [flags] packages        (./..., ./dir, import paths)
	go vet -vettool=/path/to/nplusonelint packages
	go fix -fixtool=/path/to/nplusonelint [-diff] packages

Flags:

	-fix      apply the suggested fixes; print the diagnostics left unfixed
	-diff     print the fixes as a unified diff instead of applying them
	-json     print the diagnostics as JSON on stdout
	-sarif    print the diagnostics as SARIF 2.1.0 on stdout (code scanning)
	-test     analyze the packages with their tests, as go vet does
	          (default true; nothing in a _test.go file is reported, but
	          test code can complete what is known of the other files)
	-V        print the version
	-queries  your own query APIs, comma-separated: pkg/path.Func,
	          (*pkg/path.Type).Method, pkg/path.Type.* (=write, =count,
	          =exec for their kind; default read); @FILE reads a file
	-modular  do not resolve interface methods to the implementations
	          among the loaded packages: find what go vet finds
	-emit-config FILE
	          write the interface methods resolved to implementations
	          that run queries to FILE, for go vet and golangci-lint
	          (go vet -vettool=… -queries=@FILE)
	-c N, -debug, -cpuprofile, -memprofile, -trace
	          run through the standard go/analysis driver instead

Exit status: 0 no N+1 found (or, with -fix, all fixed; with -json or
-sarif, always when every package loaded), 3 N+1s reported, 1 packages failed to load or
type-check (reported anyway for the others), 2 bad command line.
`

// Help returns the usage followed by the rules the analyzer reports.
func Help() string {
	var b strings.Builder
	b.WriteString(Usage)
	b.WriteString("\nRules (see " + rules.DocsURL + "):\n\n")
	for _, r := range rules.Catalog {
		fmt.Fprintf(&b, "\t%-24s %s\n", r.ID, r.Title)
	}
	return b.String()
}

// VersionString returns the module version the binary was built from.
func VersionString() string {
	version := "(devel)"
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		version = info.Main.Version
	}
	return "nplusonelint " + version
}
