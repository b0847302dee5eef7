// Package enttest runs the ent fix scenarios of testdata/ent/fixwith and
// testdata/ent/fixbulk on an embedded SQLite before and after
// nplusonelint -fix.
package enttest

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
	_ "entgo.io/ent/dialect/sql/schema"
	_ "github.com/glebarez/go-sqlite"
	_ "github.com/nplusonelint/nplusonelint/querycount"
)

// harness seeds -n users, each but the last with two posts (one
// published) of two comments, and runs each scenario of fixwith on a fresh database,
// counting its statements.
const harness = `package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	_ "github.com/glebarez/go-sqlite"

	"example.com/entapp/ent"
	"example.com/entapp/ent/comment"
	"example.com/entapp/ent/post"
	"example.com/entapp/fixbulk"
	"example.com/entapp/fixwith"
	"github.com/nplusonelint/nplusonelint/querycount"
)

type result struct {
	Statements int
	Result     any
	Err        string
}

var scenarios = map[string]func(context.Context, *ent.Client) (any, error){
	"Titles":    func(ctx context.Context, c *ent.Client) (any, error) { return fixwith.Titles(ctx, c) },
	"Published": func(ctx context.Context, c *ent.Client) (any, error) { return fixwith.Published(ctx, c), nil },
	"Authors":   func(ctx context.Context, c *ent.Client) (any, error) { return fixwith.Authors(ctx, c) },
	"ClientAuthors": func(ctx context.Context, c *ent.Client) (any, error) { return fixwith.ClientAuthors(ctx, c) },
	// A post without author: Only's not-found error, and the loaded edge's.
	"AuthorsOrphan": func(ctx context.Context, c *ent.Client) (any, error) { return fixwith.Authors(ctx, c) },
	"Any": func(ctx context.Context, c *ent.Client) (any, error) {
		var out []bool
		for _, u := range c.User.Query().Order(ent.Asc("id")).AllX(ctx) {
			out = append(out, fixwith.Any(ctx, u))
		}
		return out, nil
	},
	// fixbulk: one post per user, created in a transaction.
	"Seed": func(ctx context.Context, c *ent.Client) (any, error) {
		u := c.User.Query().Order(ent.Asc("id")).FirstX(ctx)
		var titles []string
		for i := range c.User.Query().CountX(ctx) {
			titles = append(titles, fmt.Sprint("new", i))
		}
		if err := fixbulk.Seed(ctx, c, u, titles); err != nil {
			return nil, err
		}
		return c.Post.Query().Where(post.TitleHasPrefix("new"), post.HasAuthorWith()).Order(ent.Asc("id")).Select(post.FieldTitle).Strings(ctx)
	},
	// fixbulk: a comment on every draft, in the caller's transaction.
	"Label": func(ctx context.Context, c *ent.Client) (any, error) {
		tx, err := c.Tx(ctx)
		if err != nil {
			return nil, err
		}
		posts := tx.Post.Query().Order(ent.Asc("id")).AllX(ctx)
		if err := fixbulk.Label(ctx, tx, posts, "label"); err != nil {
			return nil, err
		}
		if err := tx.Commit(); err != nil {
			return nil, err
		}
		return c.Comment.Query().Where(comment.Body("label")).QueryPost().Order(ent.Asc("id")).Select(post.FieldTitle).Strings(ctx)
	},
	"Empty": func(ctx context.Context, c *ent.Client) (any, error) {
		var out []bool
		for _, u := range c.User.Query().Order(ent.Asc("id")).AllX(ctx) {
			empty, err := fixbulk.Empty(ctx, u)
			if err != nil {
				return nil, err
			}
			out = append(out, empty)
		}
		return out, nil
	},
	"Guard": func(ctx context.Context, c *ent.Client) (any, error) {
		var out []string
		for _, u := range c.User.Query().Order(ent.Asc("id")).AllX(ctx) {
			out = append(out, fmt.Sprint(fixbulk.Guard(ctx, c, u.ID)))
		}
		return out, nil
	},
}

func main() {
	n := flag.Int("n", 3, "users to seed")
	flag.Parse()
	ctx := context.Background()
	out := map[string]result{}
	for name, scenario := range scenarios {
		counter := querycount.New()
		db, err := counter.Open("sqlite", "file::memory:?_pragma=foreign_keys(1)")
		if err != nil {
			panic(err)
		}
		db.SetMaxOpenConns(1) // one in-memory database
		client := ent.NewClient(ent.Driver(entsql.OpenDB(dialect.SQLite, db)))
		if err := client.Schema.Create(ctx); err != nil {
			panic(err)
		}
		for i := range *n {
			u := client.User.Create().SetName(fmt.Sprint("user", i)).SaveX(ctx)
			if i == *n-1 {
				continue // a user without posts
			}
			for j := range 2 {
				p := client.Post.Create().SetTitle(fmt.Sprint("post", i, j)).SetPublished(j == 0).SetAuthor(u).SaveX(ctx)
				for k := range 2 {
					client.Comment.Create().SetBody(fmt.Sprint(k)).SetApproved(k == 0).SetPost(p).SaveX(ctx)
				}
			}
		}
		if name == "AuthorsOrphan" {
			client.Post.Create().SetTitle("orphan").SaveX(ctx) // no author
		}
		var res any
		stmts := counter.Run(func() { res, err = scenario(ctx, client) })
		r := result{Statements: stmts, Result: res}
		if err != nil {
			r.Err = err.Error()
		}
		out[name] = r
		client.Close()
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
`

// harnessLoops are the scenarios whose loop is the harness's own (a count
// compared to zero per user): their statements grow with N either way.
var harnessLoops = map[string]bool{"Any": true, "Empty": true, "Guard": true}

type outcome struct {
	Statements int
	Result     any
	Err        string
}

// Each scenario runs 1+N statements before nplusonelint -fix and a number
// that does not grow with N after, with the same results, at 3 and at 12
// users.
func TestFixesRemoveQueries(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the scenarios")
	}
	bin := moduletest.Tool(t)
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	orig, fixed := moduletest.HarnessModule(t, root, "ent", harness), moduletest.HarnessModule(t, root, "ent", harness)
	fix := osexec.Command(bin, "-fix", "./fixwith", "./fixbulk")
	fix.Dir = fixed
	if out, err := fix.CombinedOutput(); err != nil && !moduletest.IsFindingsExit(err) { // the left-alone N+1s stay reported
		t.Fatalf("nplusonelint -fix: %v\n%s", err, out)
	}
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
		t.Logf("%-10s before: %2d, %2d statements  after: %d, %d", name, o1.Statements, o2.Statements, f1.Statements, f2.Statements)
		for _, r := range []outcome{o1, o2, f1, f2} {
			if r.Err != "" && name != "AuthorsOrphan" {
				t.Errorf("%s: %s", name, r.Err)
			}
		}
		if o1.Err != f1.Err || o2.Err != f2.Err {
			t.Errorf("%s: errors differ after the fix: %q, %q before, %q, %q after", name, o1.Err, o2.Err, f1.Err, f2.Err)
		}
		if o1.Statements == o2.Statements {
			t.Errorf("%s: before the fix, statements do not grow with N (%d): the scenario shows no N+1", name, o1.Statements)
		}
		if !reflect.DeepEqual(o1.Result, f1.Result) || !reflect.DeepEqual(o2.Result, f2.Result) {
			t.Errorf("%s: results differ after the fix:\nbefore %v\nafter  %v", name, o2.Result, f2.Result)
		}
		if !harnessLoops[name] && f1.Statements != f2.Statements {
			t.Errorf("%s: after the fix, statements still grow with N: %d at %d, %d at %d", name, f1.Statements, small, f2.Statements, large)
		}
		if f2.Statements > o2.Statements {
			t.Errorf("%s: the fix runs more statements: %d > %d", name, f2.Statements, o2.Statements)
		}
	}
	for _, file := range []string{"fixwith/with.go", "fixbulk/bulk.go"} {
		a, _ := os.ReadFile(filepath.Join(orig, file))
		b, _ := os.ReadFile(filepath.Join(fixed, file))
		if string(a) == string(b) {
			t.Fatalf("nplusonelint -fix changed nothing in %s", file)
		}
	}
}
