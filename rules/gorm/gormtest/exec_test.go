package gormtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/nplusonelint/nplusonelint/internal/moduletest"

	// The harness's SQLite driver: required here so that this module's
	// go.sum holds what the harness module needs.
	_ "github.com/glebarez/sqlite"
)

// harness runs every scenario of testdata/src/exec/blog on a fresh
// SQLite database seeded with -n posts, counting its statements.
const harness = `package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"example.com/app/exec/blog"
	"github.com/nplusonelint/nplusonelint/querycount/gormcount"
)

type result struct {
	Statements int
	Result     any
	Err        string
}

func main() {
	n := flag.Int("n", 3, "posts to seed")
	flag.Parse()
	out := map[string]result{}
	for name, scenario := range blog.Scenarios {
		out[name] = runScenario(scenario, *n)
	}
	for name, scenario := range blog.Ambiguous {
		out["ambiguous:"+name] = runScenario(scenario, *n)
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func runScenario(scenario func(*gorm.DB) (any, error), n int) result {
	db, err := gorm.Open(sqlite.Open("file::memory:"), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		panic(err)
	}
	sqlDB, _ := db.DB()
	defer sqlDB.Close()
	sqlDB.SetMaxOpenConns(1) // one in-memory database
	if err := db.AutoMigrate(blog.Models...); err != nil {
		panic(err)
	}
	if err := blog.Seed(db, n); err != nil {
		panic(err)
	}
	c := gormcount.Attach(db)
	var res any
	stmts := c.Run(func() { res, err = scenario(db) })
	r := result{Statements: stmts, Result: res}
	if err != nil {
		r.Err = err.Error()
	}
	return r
}
`

// leftAlone are the scenarios of testdata/src/exec/blog whose N+1 has no fix
// that keeps what they store, so -fix must not change their statements.
var leftAlone = map[string]bool{"LabelOnce": true, "MarkSkip": true, "FailMidway": true, "Forward": true}

// leftAloneStores is what some scenarios store at 3 posts before the fix (and, as
// the results must not change, after it): a key repeated in the input
// stored once, the rows before a failure kept.
var leftAloneStores = map[string]string{
	"LabelOnce":  "[go sql orm approved pending]",
	"MarkSkip":   "[true false]",
	"FailMidway": "true [true false]",
	"Forward":    "[2 3 3]",
	"LabelSkip":  "[true false]", // fixed: the batch skips the conflicts
}

// exactAfter is the number of statements some scenarios must take after
// the fix: a to-one relation joined is one query; AuthorNames, ordered by
// an unqualified "id" (a column of users too), is preloaded: two.
var exactAfter = map[string]int{"JoinedAuthors": 1, "Employers": 1, "VerifiedNames": 1, "Plans": 1, "AuthorNames": 2}

type outcome struct {
	Statements int
	Result     any
	Err        string
}

// Each scenario runs 1+N statements (or N for writes) before
// nplusonelint -fix and a number that does not grow with N after, with
// the same results, at 3 and at 12 posts.
func TestFixesRemoveQueries(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the scenarios")
	}
	bin := moduletest.Tool(t)
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	orig, fixed := module(t, root), module(t, root)
	fix := exec.Command(bin, "-fix", "./exec/...")
	fix.Dir = fixed
	if out, err := fix.CombinedOutput(); err != nil && !moduletest.IsFindingsExit(err) { // the left-alone N+1s stay reported
		t.Fatalf("nplusonelint -fix: %v\n%s", err, out)
	}
	sizes := []int{3, 12}
	results := map[string]map[int]map[string]outcome{}
	for name, dir := range map[string]string{"orig": orig, "fixed": fixed} {
		results[name] = map[int]map[string]outcome{}
		for _, n := range sizes {
			out := moduletest.Run(t, dir, nil, "go", "run", ".", "-n", fmt.Sprint(n))
			var m map[string]outcome
			if err := json.Unmarshal([]byte(out), &m); err != nil {
				t.Fatalf("%s -n %d: %v\n%s", name, n, err, out)
			}
			results[name][n] = m
		}
	}
	var names []string
	for name, r := range results["orig"][sizes[0]] {
		if strings.HasPrefix(name, "ambiguous:") {
			// The Joins a fix must not write fails, before and after.
			for _, res := range []outcome{r, results["fixed"][sizes[0]][name]} {
				if !strings.Contains(res.Err, "ambiguous column name") {
					t.Errorf("%s: want an ambiguous column error, got %q", name, res.Err)
				}
			}
			continue
		}
		names = append(names, name)
	}
	sort.Strings(names)
	if len(names) == 0 {
		t.Fatal("no scenario ran")
	}
	for _, name := range names {
		small, large := sizes[0], sizes[1]
		o1, o2 := results["orig"][small][name], results["orig"][large][name]
		f1, f2 := results["fixed"][small][name], results["fixed"][large][name]
		t.Logf("%-15s before: %2d, %2d statements  after: %d, %d", name, o1.Statements, o2.Statements, f1.Statements, f2.Statements)
		for _, r := range []outcome{o1, o2, f1, f2} {
			if r.Err != "" {
				t.Errorf("%s: %s", name, r.Err)
			}
		}
		if !reflect.DeepEqual(o1.Result, f1.Result) || !reflect.DeepEqual(o2.Result, f2.Result) {
			t.Errorf("%s: results differ after the fix:\nbefore %v\nafter  %v", name, o2.Result, f2.Result)
		}
		if leftAlone[name] {
			if f1.Statements != o1.Statements || f2.Statements != o2.Statements {
				t.Errorf("%s has no safe fix, yet -fix changed its statements: %d, %d before, %d, %d after", name, o1.Statements, o2.Statements, f1.Statements, f2.Statements)
			}
			continue
		}
		if want, ok := exactAfter[name]; ok && (f1.Statements != want || f2.Statements != want) {
			t.Errorf("%s: after the fix %d, %d statements, want %d", name, f1.Statements, f2.Statements, want)
		}
		if f1.Statements != f2.Statements {
			t.Errorf("%s: after the fix, statements still grow with N: %d at %d, %d at %d", name, f1.Statements, small, f2.Statements, large)
		}
		if f2.Statements > o2.Statements {
			t.Errorf("%s: the fix runs more statements: %d > %d", name, f2.Statements, o2.Statements)
		}
	}
	for name, want := range leftAloneStores {
		if got := fmt.Sprint(results["orig"][sizes[0]][name].Result); got != want {
			t.Errorf("%s at %d posts stores %s, want %s", name, sizes[0], got, want)
		}
	}
	// Every scenario must have been rewritten: compare the sources.
	a, _ := os.ReadFile(filepath.Join(orig, "exec", "blog", "scenarios.go"))
	b, _ := os.ReadFile(filepath.Join(fixed, "exec", "blog", "scenarios.go"))
	if bytes.Equal(a, b) {
		t.Fatal("nplusonelint -fix changed nothing")
	}
}

// module writes a module holding a copy of the exec scenarios, the
// harness, and the query counter of this repository.
func module(t *testing.T, root string) string {
	t.Helper()
	dir := t.TempDir()
	moduletest.CopyTree(t, filepath.Join(root, "testdata", "src", "exec"), filepath.Join(dir, "exec"))
	gomod := fmt.Sprintf(`module example.com/app

go 1.26.0

require (
	github.com/glebarez/sqlite v1.11.0
	github.com/nplusonelint/nplusonelint v0.0.0
	gorm.io/gorm v1.31.2
)

replace github.com/nplusonelint/nplusonelint => %[1]s

replace github.com/nplusonelint/nplusonelint/querycount => %[1]s/querycount

replace github.com/nplusonelint/nplusonelint/querycount/gormcount => %[1]s/querycount/gormcount
`, root)
	sum, err := os.ReadFile("go.sum") // this module requires what the harness does
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"go.mod": []byte(gomod), "go.sum": sum, "main.go": []byte(harness)} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	moduletest.Run(t, dir, []string{"GOFLAGS=-mod=mod"}, "go", "mod", "tidy")
	return dir
}
