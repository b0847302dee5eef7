// Package gormv1test runs the GORM v1 Preload fix scenarios of
// testdata/gormv1/fixpreload on an embedded SQLite before and after
// nplusonelint -fix.
package gormv1test

import (
	"encoding/json"
	"fmt"
	"os"
	osexec "os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/nplusonelint/nplusonelint/internal/moduletest"

	// What the harness needs: required here so that this module's go.sum
	// holds it.
	_ "github.com/glebarez/go-sqlite"
	_ "github.com/jinzhu/gorm"
	_ "github.com/nplusonelint/nplusonelint/querycount"
)

// harness seeds -n users, each but the last with a profile, and -n posts,
// each by its own author, edited by the next post's author, with two
// comments (the first approved) by that user and one of two tags, and runs
// each scenario of fixpreload on a fresh database, counting its
// statements. GORM v1 registers its sqlite3 dialect in the root package
// (dialect_sqlite3.go) and takes an open *sql.DB: the pure-Go driver,
// through the project's counter.
const harness = `package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"

	_ "github.com/glebarez/go-sqlite"
	"github.com/jinzhu/gorm"

	"example.com/gormv1app/fixpreload"
	"github.com/nplusonelint/nplusonelint/querycount"
)

type result struct {
	Statements int
	Result     any
	Err        string
}

func bodies(m map[uint][]fixpreload.Comment) map[uint][]string {
	out := map[uint][]string{}
	for k, cs := range m {
		for _, c := range cs {
			out[k] = append(out[k], c.Body)
		}
	}
	return out
}

var scenarios = map[string]func(*gorm.DB) (any, error){
	"Authors":       func(db *gorm.DB) (any, error) { return fixpreload.Authors(db) },
	"AuthorsOrphan": func(db *gorm.DB) (any, error) { return fixpreload.Authors(db) },
	"CommentCounts": func(db *gorm.DB) (any, error) { return fixpreload.CommentCounts(db) },
	"Approved": func(db *gorm.DB) (any, error) {
		m, err := fixpreload.Approved(db)
		return bodies(m), err
	},
	"RelatedComments":      func(db *gorm.DB) (any, error) { return fixpreload.RelatedComments(db) },
	"RelatedAuthors":       func(db *gorm.DB) (any, error) { return fixpreload.RelatedAuthors(db), nil },
	"RelatedAuthorsOrphan": func(db *gorm.DB) (any, error) { return fixpreload.RelatedAuthors(db), nil },
	"TagNames":             func(db *gorm.DB) (any, error) { return fixpreload.TagNames(db) },
	"Commenters":           func(db *gorm.DB) (any, error) { return fixpreload.Commenters(db), nil },
	"Editors":              func(db *gorm.DB) (any, error) { return fixpreload.Editors(db), nil },
	"Bios":                 func(db *gorm.DB) (any, error) { return fixpreload.Bios(db), nil },
	"CommentUsers":         func(db *gorm.DB) (any, error) { return fixpreload.CommentUsers(db), nil },
	"InTransaction":        func(db *gorm.DB) (any, error) { return fixpreload.InTransaction(db) },
	// Left alone: the loop's receiver is Unscoped, a preload would not be.
	"UnscopedReceiver": func(db *gorm.DB) (any, error) { return fixpreload.UnscopedReceiver(db), nil },
	// Left alone by the fix: a later iteration reads a comment an
	// earlier one wrote.
	"CommentAndRead": func(db *gorm.DB) (any, error) { return fixpreload.CommentAndRead(db), nil },
}

func main() {
	n := flag.Int("n", 3, "posts to seed")
	flag.Parse()
	out := map[string]result{}
	for name, scenario := range scenarios {
		counter := querycount.New()
		sqlDB, err := counter.Open("sqlite", "file::memory:")
		if err != nil {
			panic(err)
		}
		sqlDB.SetMaxOpenConns(1) // one in-memory database
		db, err := gorm.Open("sqlite3", sqlDB)
		if err != nil {
			panic(err)
		}
		must := func(d *gorm.DB) {
			if d.Error != nil {
				panic(d.Error)
			}
		}
		must(db.AutoMigrate(&fixpreload.User{}, &fixpreload.Post{}, &fixpreload.Comment{}, &fixpreload.Tag{}, &fixpreload.Profile{}))
		tags := []fixpreload.Tag{{Label: "go"}, {Label: "sql"}}
		for i := range tags {
			must(db.Create(&tags[i]))
		}
		var users []fixpreload.User
		for i := range *n {
			u := fixpreload.User{Name: fmt.Sprint("user", i)}
			must(db.Create(&u))
			users = append(users, u)
			if i < *n-1 { // the last user has no profile
				must(db.Create(&fixpreload.Profile{UserID: u.ID, Bio: fmt.Sprint("bio", i)}))
			}
		}
		for i := range *n {
			p := fixpreload.Post{AuthorID: users[i].ID, EditorRef: users[(i+1)%*n].ID, Title: fmt.Sprint("post", i), Tags: []fixpreload.Tag{tags[i%2]}}
			must(db.Create(&p))
			for k := range 2 {
				must(db.Create(&fixpreload.Comment{PostID: p.ID, UserID: users[(i+1)%*n].ID, Approved: k == 0, Body: fmt.Sprint(i, "-", k)}))
			}
		}
		if name == "AuthorsOrphan" || name == "RelatedAuthorsOrphan" {
			must(db.Create(&fixpreload.Post{Title: "no author"}))
			must(db.Create(&fixpreload.Post{AuthorID: 9999, Title: "gone author"}))
		}
		var res any
		stmts := counter.Run(func() { res, err = scenario(db) })
		r := result{Statements: stmts, Result: res}
		if err != nil {
			r.Err = err.Error()
		}
		out[name] = r
		db.Close()
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
`

type outcome struct {
	Statements int
	Result     any
	Err        string
}

// left are the scenarios the fix must leave alone: their statements
// still grow with N after it.
var left = map[string]bool{"CommentAndRead": true, "UnscopedReceiver": true}

// Each fixed scenario runs 1+N statements before nplusonelint -fix and a
// number that does not grow with N after, with the same results, at 3
// and at 12 posts.
func TestFixesRemoveQueries(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the scenarios")
	}
	bin := moduletest.Tool(t)
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	orig, fixed := moduletest.HarnessModule(t, root, "gormv1", harness), moduletest.HarnessModule(t, root, "gormv1", harness)
	fix := osexec.Command(bin, "-fix", "./fixpreload")
	fix.Dir = fixed
	if out, err := fix.CombinedOutput(); err != nil && !moduletest.IsFindingsExit(err) { // the left-alone N+1s stay reported
		t.Fatalf("nplusonelint -fix: %v\n%s", err, out)
	}
	moduletest.Run(t, fixed, nil, "go", "vet", "./...")
	sizes := []int{3, 12}
	results := map[string]map[int]map[string]outcome{}
	for name, dir := range map[string]string{"orig": orig, "fixed": fixed} {
		results[name] = map[int]map[string]outcome{}
		for _, n := range sizes {
			out := moduletest.Run(t, dir, nil, "go", "run", "./harness", "-n", fmt.Sprint(n))
			var m map[string]outcome
			if err := json.Unmarshal([]byte(out), &m); err != nil {
				t.Fatalf("%s -n %d: %v\n%s", name, n, err, out)
			}
			results[name][n] = m
		}
	}
	var names []string
	for name := range results["orig"][sizes[0]] {
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
		t.Logf("%-20s before: %2d, %2d statements  after: %d, %d", name, o1.Statements, o2.Statements, f1.Statements, f2.Statements)
		for _, r := range []outcome{o1, o2, f1, f2} {
			if r.Err != "" {
				t.Errorf("%s: %s", name, r.Err)
			}
		}
		if o1.Statements == o2.Statements {
			t.Errorf("%s: before the fix, statements do not grow with N (%d): the scenario shows no N+1", name, o1.Statements)
		}
		if empty(o2.Result) {
			t.Errorf("%s: the scenario returned nothing (%v): it proves nothing", name, o2.Result)
		}
		if !reflect.DeepEqual(o1.Result, f1.Result) || !reflect.DeepEqual(o2.Result, f2.Result) {
			t.Errorf("%s: results differ after the fix:\nbefore %v\nafter  %v", name, o2.Result, f2.Result)
		}
		switch {
		case left[name] && (f1.Statements != o1.Statements || f2.Statements != o2.Statements):
			t.Errorf("%s: the fix should have left it alone: %d, %d statements before, %d, %d after", name, o1.Statements, o2.Statements, f1.Statements, f2.Statements)
		case !left[name] && f1.Statements != f2.Statements:
			t.Errorf("%s: after the fix, statements still grow with N: %d at %d, %d at %d", name, f1.Statements, small, f2.Statements, large)
		}
	}
	a, _ := os.ReadFile(filepath.Join(orig, "fixpreload", "preload.go"))
	b, _ := os.ReadFile(filepath.Join(fixed, "fixpreload", "preload.go"))
	if string(a) == string(b) {
		t.Fatal("nplusonelint -fix changed nothing")
	}
	golden, _ := os.ReadFile(filepath.Join(root, "testdata", "gormv1", "fixpreload", "preload.go.golden"))
	if string(b) != string(golden) {
		t.Error("the fixed preload.go differs from preload.go.golden")
	}
}

// empty reports whether a decoded result holds nothing: null, zero, or
// an empty list or map.
func empty(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case float64:
		return v == 0
	case []any:
		return len(v) == 0
	case map[string]any:
		return len(v) == 0
	}
	return false
}
