// Package golangci is the golangci-lint v2 module plugin of nplusonelint:
// it registers the linter "nplusone". Build a golangci-lint containing it
// with scripts/build-golangci-lint.sh (module proxy only) or with
// `golangci-lint custom` (.custom-gcl.yml), then enable it in
// .golangci.yml:
//
//	linters:
//	  enable: [nplusone]
//	  settings:
//	    custom:
//	      nplusone:
//	        type: module
//	        description: N+1 queries
//	        settings:
//	          disable: [count-compared-to-zero]
//	          queries: ["(*example.com/db.Client).Get"]
//
// //nolint:nplusone suppresses a diagnostic as for any linter;
// //nplusone:ignore <reason> works too.
package golangci

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/nplusonelint/nplusonelint/analyzer"
	"github.com/nplusonelint/nplusonelint/rules"
	"github.com/nplusonelint/nplusonelint/rules/libraries"
)

// Name is the linter's name in .golangci.yml and in //nolint directives.
const Name = "nplusone"

func init() { register.Plugin(Name, New) }

// Settings are the plugin's settings (linters.settings.custom.nplusone.settings).
type Settings struct {
	// Enable, when not empty, lists the only rules reported (rule IDs of
	// docs/rules.md).
	Enable []string `json:"enable"`
	// Disable lists rules not reported.
	Disable []string `json:"disable"`
	// Queries declares your own query APIs, as the -queries flag does:
	// pkg/path.Func, (*pkg/path.Type).Method, pkg/path.Type.*, with an
	// optional =read, =write, =count or =exec suffix.
	Queries []string `json:"queries"`
	// RelatedInformation keeps the diagnostics' related positions (the
	// loop, the query that loaded the collection, the chain's calls).
	// golangci-lint prints each as an issue of its own, which //nolint on
	// the reported line does not silence, and the message names the loop
	// and the collection's query with their lines already: off by default.
	RelatedInformation bool `json:"related-information"`
}

// Plugin is the nplusone linter for golangci-lint.
type Plugin struct {
	settings Settings
	registry *rules.Registry
}

// New decodes the settings golangci-lint passes; an unknown key, an
// unknown rule ID or a bad query pattern is an error naming it.
func New(conf any) (register.LinterPlugin, error) {
	s, err := decode(conf)
	if err != nil {
		return nil, fmt.Errorf("nplusone settings: %w", err)
	}
	for _, id := range append(slices.Clone(s.Enable), s.Disable...) {
		if !knownRule(id) {
			return nil, fmt.Errorf("nplusone settings: unknown rule %q (rules: %s)", id, strings.Join(ruleIDs(), ", "))
		}
	}
	for _, id := range s.Enable {
		if slices.Contains(s.Disable, id) {
			return nil, fmt.Errorf("nplusone settings: rule %q is both enabled and disabled", id)
		}
	}
	reg := libraries.Registry()
	for _, q := range s.Queries {
		if err := reg.Declare(q); err != nil {
			return nil, fmt.Errorf("nplusone settings: queries: %w", err)
		}
	}
	return &Plugin{settings: s, registry: reg}, nil
}

// settingKeys are the keys Settings reads, for the unknown-key error.
var settingKeys = []string{"enable", "disable", "queries", "related-information"}

// decode reads the settings, rejecting unknown keys by name.
func decode(conf any) (Settings, error) {
	var s Settings
	if conf == nil {
		return s, nil
	}
	if m, ok := conf.(map[string]any); ok {
		for k := range m {
			if !slices.Contains(settingKeys, k) {
				return s, fmt.Errorf("unknown key %q (known: %s)", k, strings.Join(settingKeys, ", "))
			}
		}
	}
	raw, err := json.Marshal(conf)
	if err != nil {
		return s, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) && typeErr.Field == "related-information" {
			return s, fmt.Errorf("key %q: want true or false", typeErr.Field)
		}
		if errors.As(err, &typeErr) && typeErr.Field != "" {
			return s, fmt.Errorf("key %q: want a list of strings", typeErr.Field)
		}
		if errors.As(err, &typeErr) {
			return s, fmt.Errorf("want a mapping with the keys %s", strings.Join(settingKeys, ", "))
		}
		return s, err // json names an unknown field of a non-map value
	}
	return s, nil
}

// BuildAnalyzers returns the analyzer, reporting only the enabled rules,
// without related positions unless asked for.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	a := analyzer.New(p.registry)
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		filtered := *pass
		filtered.Report = func(d analysis.Diagnostic) {
			if !p.reports(d.Category) {
				return
			}
			if !p.settings.RelatedInformation {
				d.Related = nil
			}
			pass.Report(d)
		}
		return run(&filtered)
	}
	return []*analysis.Analyzer{a}, nil
}

// GetLoadMode asks for type information: the analyzer builds SSA.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// reports says whether a rule's diagnostics are reported. A failure of the
// tool itself is always reported.
func (p *Plugin) reports(rule string) bool {
	if slices.Contains(p.settings.Disable, rule) {
		return false
	}
	return len(p.settings.Enable) == 0 || slices.Contains(p.settings.Enable, rule) || rule == "internal-error"
}

func knownRule(id string) bool { return slices.Contains(ruleIDs(), id) }

func ruleIDs() []string {
	var ids []string
	for _, r := range rules.Catalog {
		ids = append(ids, r.ID)
	}
	return ids
}
