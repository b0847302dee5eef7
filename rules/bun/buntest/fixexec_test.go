package buntest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/nplusonelint/nplusonelint/internal/moduletest"
)

// TestMain removes the binary the end-to-end tests build.
func TestMain(m *testing.M) { moduletest.Main(m) }

type outcome struct {
	Statements int
	Result     []string
	Err        string
}

// The Relation fix as nplusonelint -fix writes it (testdata/exec: a
// has-many read per post, the same with constant conditions and an order,
// nested below the posts' comments, and nested with conditions), run on
// an embedded SQLite at 3 and 12 posts before and after the fix: 1+N
// statements before, a constant after, the same rows in the same order.
func TestRelationFixRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the scenarios")
	}
	bin := moduletest.Tool(t)
	orig, fixed := execModule(t), execModule(t)
	fix := exec.Command(bin, "-fix", "./scenarios/")
	fix.Dir = fixed
	if out, err := fix.CombinedOutput(); err != nil && !moduletest.IsFindingsExit(err) {
		t.Fatalf("nplusonelint -fix: %v\n%s", err, out)
	}
	a, _ := os.ReadFile(filepath.Join(orig, "scenarios", "scenarios.go"))
	b, _ := os.ReadFile(filepath.Join(fixed, "scenarios", "scenarios.go"))
	if bytes.Equal(a, b) {
		t.Fatal("nplusonelint -fix changed nothing")
	}
	// The statements each scenario runs: 1+N per post (the nested ones,
	// two comments per post, 2+2N), and after the fix one more query per
	// relation level.
	want := map[string][2][2]int{
		"Comments": {{4, 13}, {2, 2}},
		"Approved": {{4, 13}, {2, 2}},
		"Votes":    {{8, 26}, {3, 3}},
		"UpVotes":  {{8, 26}, {3, 3}},
	}
	got := map[string][2][2]int{}
	for i, n := range []int{3, 12} {
		var before, after map[string]outcome
		for dir, res := range map[string]*map[string]outcome{orig: &before, fixed: &after} {
			out := moduletest.Run(t, dir, nil, "go", "run", ".", "-n", fmt.Sprint(n))
			if err := json.Unmarshal([]byte(out), res); err != nil {
				t.Fatalf("-n %d: %v\n%s", n, err, out)
			}
		}
		for name := range want {
			o, f := before[name], after[name]
			if o.Err != "" || f.Err != "" {
				t.Errorf("%s at %d posts: errors %q, %q", name, n, o.Err, f.Err)
			}
			if !reflect.DeepEqual(o.Result, f.Result) || len(o.Result) < n {
				t.Errorf("%s at %d posts: results differ:\nbefore %v\nafter  %v", name, n, o.Result, f.Result)
			}
			g := got[name]
			g[0][i], g[1][i] = o.Statements, f.Statements
			got[name] = g
		}
	}
	for name, w := range want {
		t.Logf("%-8s statements at 3 and 12 posts: before %v, after %v", name, got[name][0], got[name][1])
		if got[name] != w {
			t.Errorf("%s: statements before, after at 3 and 12 posts: %v, want %v", name, got[name], w)
		}
	}
}

// execModule writes a module holding a copy of testdata/exec, requiring
// bun, its SQLite dialect, the pure-Go driver and this repository's
// query counter.
func execModule(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	moduletest.CopyTree(t, filepath.Join("testdata", "exec"), dir)
	gomod := fmt.Sprintf(`module example.com/bunexec

go 1.26.0

require (
	github.com/glebarez/go-sqlite v1.21.2
	github.com/nplusonelint/nplusonelint/querycount v0.0.0
	github.com/uptrace/bun v1.3.0
	github.com/uptrace/bun/dialect/sqlitedialect v1.3.0
)

replace github.com/nplusonelint/nplusonelint/querycount => %s/querycount
`, root)
	sum, err := os.ReadFile("go.sum") // this module requires what the scenarios do
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"go.mod": []byte(gomod), "go.sum": sum} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	moduletest.Run(t, dir, []string{"GOFLAGS=-mod=mod"}, "go", "mod", "tidy")
	return dir
}
