package driver_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/nplusonelint/nplusonelint/analyzer"
	"github.com/nplusonelint/nplusonelint/driver"
	"github.com/nplusonelint/nplusonelint/rules/libraries"
)

// layeredDir is the scenario module of queries behind interfaces in
// other packages, function fields and a declared wrapper.
var layeredDir = filepath.Join("..", "testdata", "layered")

// What each mode finds on it, as file:line.
var (
	// In the package of the query: the function field, the package
	// variable. Every mode finds them.
	modularFinds = []string{"accounts.go:59", "accounts.go:69"}
	// Through the interfaces, resolved to their implementations in
	// packages the service does not import: the Store, the tracing
	// wrapper over it, the generic Repo, and an interface the use case
	// declares itself (its package imports no data library). Not the in-memory Names, the
	// Prices loaded once, the Audit implemented by test doubles only, the
	// Notifier of which one implementation in three stores.
	resolvedFinds = []string{"service.go:34", "service.go:47", "service.go:57", "usecase.go:27", "usecase.go:42"}
	// The team's own client, declared with -queries.
	declaredFinds = []string{"service.go:98"}
)

func TestLayeredStandalone(t *testing.T) {
	for _, tc := range []struct {
		name    string
		opts    driver.Options
		queries string
		want    [][]string
	}{
		{"standalone", driver.Options{Tests: true}, "", [][]string{modularFinds, resolvedFinds}},
		{"standalone, declared", driver.Options{Tests: true}, "(*example.com/layered/dbx.Client).Get", [][]string{modularFinds, resolvedFinds, declaredFinds}},
		{"modular", driver.Options{Tests: true, Modular: true}, "", [][]string{modularFinds}},
	} {
		reg := libraries.Registry()
		a := analyzer.New(reg)
		if tc.queries != "" {
			if err := a.Flags.Set("queries", tc.queries); err != nil {
				t.Fatal(err)
			}
		}
		tc.opts.Dir, tc.opts.Registry = layeredDir, reg
		g, errs, err := driver.Analyze(a, []string{"./..."}, tc.opts)
		if err != nil || len(errs) > 0 {
			t.Fatal(err, errs)
		}
		if got, want := lines(diagnostics(g)), flat(tc.want); !slices.Equal(got, want) {
			t.Errorf("%s: found %q, want %q", tc.name, got, want)
		}
	}
}

// -emit-config writes what the standalone run resolved: the file the
// scenario keeps for the other modes (nplusone.queries) is its output.
func TestEmitConfig(t *testing.T) {
	file := filepath.Join(t.TempDir(), "q")
	opts := driver.Options{Tests: true, Dir: layeredDir, EmitConfig: file}
	if _, _, err := driver.Analyze(analyzer.Analyzer, []string{"./..."}, opts); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(layeredDir, "nplusone.queries"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("-emit-config wrote:\n%s\nwant (testdata/layered/nplusone.queries):\n%s", got, want)
	}
	bad := driver.Options{Tests: true, Dir: layeredDir, EmitConfig: filepath.Join(t.TempDir(), "no", "such", "dir", "q")}
	if _, _, err := driver.Analyze(analyzer.Analyzer, []string{"./..."}, bad); err == nil {
		t.Error("-emit-config into a missing directory: no error")
	}
}

// go vet sees one package at a time: alone it finds what the modular run
// finds; given the standalone run's config, what the standalone run finds.
func TestLayeredVet(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := filepath.Join(t.TempDir(), "nplusonelint")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/nplusonelint").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	config, err := filepath.Abs(filepath.Join(layeredDir, "nplusone.queries"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want [][]string
	}{
		{nil, [][]string{modularFinds}},
		{[]string{"-queries=@" + config}, [][]string{modularFinds, resolvedFinds}},
		{[]string{"-queries=@" + config + ",(*example.com/layered/dbx.Client).Get"}, [][]string{modularFinds, resolvedFinds, declaredFinds}},
	} {
		cmd := exec.Command("go", append(append([]string{"vet", "-vettool=" + bin}, tc.args...), "./...")...)
		cmd.Dir = layeredDir
		out, _ := cmd.CombinedOutput()
		var got []string
		for _, m := range regexp.MustCompile(`(?m)^\S*?(\w+\.go:\d+):\d+: N\+1 query`).FindAllStringSubmatch(string(out), -1) {
			got = append(got, m[1])
		}
		slices.Sort(got)
		if want := flat(tc.want); !slices.Equal(got, want) {
			t.Errorf("go vet %q: found %q, want %q\n%s", tc.args, got, want, out)
		}
	}
}

// lines reduces "path/file.go:line:col: message" to "file.go:line".
func lines(diags []string) []string {
	var out []string
	re := regexp.MustCompile(`(\w+\.go:\d+):\d+: N\+1 query`)
	for _, d := range diags {
		if m := re.FindStringSubmatch(filepath.Base(d)); m != nil {
			out = append(out, m[1])
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func flat(groups [][]string) []string {
	var out []string
	for _, g := range groups {
		out = append(out, g...)
	}
	slices.Sort(out)
	return out
}
