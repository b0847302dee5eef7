package rules_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nplusonelint/nplusonelint/rules"
	"github.com/nplusonelint/nplusonelint/rules/libraries"
)

var update = flag.Bool("update", false, "rewrite docs/rules.md from the catalog")

// docs/rules.md is made from the catalog: it cannot drift.
func TestRulesDoc(t *testing.T) {
	path := filepath.Join("..", "docs", "rules.md")
	want := rules.Markdown(libraries.All())
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s is stale: run go test ./rules -run TestRulesDoc -update", path)
	}
}

// Every rule kind the engine reports has an entry, with a unique ID.
func TestCatalogComplete(t *testing.T) {
	ids := map[string]bool{}
	for _, r := range rules.Catalog {
		if ids[r.ID] {
			t.Errorf("rule %s listed twice", r.ID)
		}
		ids[r.ID] = true
		if r.Title == "" || r.Text == "" || r.Severity == "" {
			t.Errorf("rule %s lacks a title, text or severity", r.ID)
		}
	}
	for _, k := range []rules.Kind{rules.Read, rules.Write, rules.Count, rules.Exec} {
		if !ids[k.Rule()] {
			t.Errorf("rule %s is not documented", k.Rule())
		}
	}
	for _, lib := range libraries.All() {
		for id := range lib.RemedyDocs {
			if !ids[id] {
				t.Errorf("%s documents remedies of an unknown rule %s", lib.Name, id)
			}
		}
	}
	if doc := rules.AnalyzerDoc(); !strings.Contains(doc, rules.Read.Rule()) {
		t.Errorf("the analyzer's doc does not list the rules:\n%s", doc)
	}
}
