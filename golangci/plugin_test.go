package golangci_test

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	_ "github.com/nplusonelint/nplusonelint/golangci"
)

// analyzers builds the plugin as golangci-lint does: by name, from the
// settings of .golangci.yml.
func analyzers(t *testing.T, settings any) []*analysis.Analyzer {
	t.Helper()
	newPlugin, err := register.GetPlugin("nplusone")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		t.Fatal(err)
	}
	if mode := p.GetLoadMode(); mode != register.LoadModeTypesInfo {
		t.Errorf("load mode %q, want %q: the analyzer builds SSA", mode, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].Name != "nplusone" {
		t.Fatalf("analyzers %v, want the one named nplusone (//nolint:nplusone names it)", as)
	}
	return as
}

func TestDefaultSettings(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzers(t, nil)[0], "./all")
	analysistest.Run(t, analysistest.TestData(), analyzers(t, map[string]any{})[0], "./all")
}

func TestDisable(t *testing.T) {
	a := analyzers(t, map[string]any{"disable": []any{"read-per-element"}})[0]
	analysistest.Run(t, analysistest.TestData(), a, "./someonly")
	a = analyzers(t, map[string]any{"enable": []any{"exec-per-element"}})[0]
	analysistest.Run(t, analysistest.TestData(), a, "./someonly")
}

// golangci-lint prints each related position as an issue of its own:
// they are dropped unless asked for.
func TestRelatedInformation(t *testing.T) {
	for _, keep := range []bool{false, true} {
		a := analyzers(t, map[string]any{"related-information": keep})[0]
		for _, r := range analysistest.Run(t, analysistest.TestData(), a, "./all") {
			for _, d := range r.Diagnostics {
				if got := len(d.Related) > 0; got != keep {
					t.Errorf("related-information %v: %q has %d related positions", keep, d.Message, len(d.Related))
				}
			}
		}
	}
}

func TestQueries(t *testing.T) {
	a := analyzers(t, map[string]any{"queries": []any{"(*example.com/pluginapp/kv.Client).Get"}})[0]
	analysistest.Run(t, analysistest.TestData(), a, "./declared")
}

// Each plugin has its own registry: queries declared in one
// configuration do not leak into another.
func TestQueriesPerPlugin(t *testing.T) {
	analyzers(t, map[string]any{"queries": []any{"example.com/pluginapp/kv.Client.*"}})
	analysistest.Run(t, analysistest.TestData(), analyzers(t, nil)[0], "./kv")
}

// A bad setting is one clear error naming what is wrong.
func TestBadSettings(t *testing.T) {
	newPlugin, err := register.GetPlugin("nplusone")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		settings any
		want     string
	}{
		{map[string]any{"disabel": []any{"read-per-element"}}, `nplusone settings: unknown key "disabel" (known: enable, disable, queries, related-information)`},
		{map[string]any{"disable": []any{"read-per-elment"}}, `nplusone settings: unknown rule "read-per-elment" (rules: read-per-element,`},
		{map[string]any{"disable": "read-per-element"}, `nplusone settings: key "disable": want a list of strings`},
		{map[string]any{"enable": []any{"count-per-element"}, "disable": []any{"count-per-element"}}, `rule "count-per-element" is both enabled and disabled`},
		{map[string]any{"related-information": "yes"}, `nplusone settings: key "related-information": want true or false`},
		{map[string]any{"queries": []any{"nodot"}}, `nplusone settings: queries: query pattern "nodot"`},
		{[]any{"x"}, `nplusone settings: want a mapping with the keys enable, disable, queries, related-information`},
	} {
		_, err := newPlugin(c.settings)
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("settings %v: error %v, want one line containing %q", c.settings, err, c.want)
		}
	}
}
