package driver_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nplusonelint/nplusonelint/analyzer"
	"github.com/nplusonelint/nplusonelint/driver"
	"github.com/nplusonelint/nplusonelint/rules"
)

// sarifSchema is the OASIS SARIF 2.1.0 schema (errata 01,
// https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json).
var sarifSchema, _ = filepath.Abs(filepath.Join("testdata", "sarif-schema-2.1.0.json"))

// runSARIF runs the driver with -sarif in dir and returns the log, after
// validating it against the schema.
func runSARIF(t *testing.T, dir string, patterns ...string) (map[string]any, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := driver.RunTo(analyzer.Analyzer, patterns, driver.Options{Dir: dir, SARIF: true}, &stdout, &stderr)
	var log map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &log); err != nil {
		t.Fatalf("%v: %v\nstdout:\n%s\nstderr:\n%s", patterns, err, &stdout, &stderr)
	}
	if errs := validate(t, log); len(errs) > 0 {
		t.Fatalf("%v: the log does not follow the SARIF 2.1.0 schema:\n%s", patterns, strings.Join(errs, "\n"))
	}
	return log, code
}

// The log carries every rule with its documentation, each result with its
// rule, position, related positions and fix.
func TestSARIF(t *testing.T) {
	t.Chdir(filepath.Join("..", "testdata", "src")) // paths are relative to the working directory
	log, code := runSARIF(t, "", "./fixpreload")
	if code != driver.ExitClean {
		t.Errorf("exit %d, want %d as with -json", code, driver.ExitClean)
	}
	run := log["runs"].([]any)[0].(map[string]any)
	tool := run["tool"].(map[string]any)["driver"].(map[string]any)
	ruleList := tool["rules"].([]any)
	if len(ruleList) != len(rules.Catalog) {
		t.Errorf("%d rules, want the catalog's %d", len(ruleList), len(rules.Catalog))
	}
	for i, r := range ruleList {
		r := r.(map[string]any)
		if r["id"] != rules.Catalog[i].ID || r["helpUri"] != rules.RuleURL(rules.Catalog[i].ID) {
			t.Errorf("rule %d: %v, want %s with its URL", i, r, rules.Catalog[i].ID)
		}
	}
	results := run["results"].([]any)
	if len(results) == 0 {
		t.Fatal("no results")
	}
	var related, fixed bool
	for _, r := range results {
		r := r.(map[string]any)
		id, _ := r["ruleId"].(string)
		idx := int(r["ruleIndex"].(float64))
		if idx < 0 || ruleList[idx].(map[string]any)["id"] != id {
			t.Errorf("result of %s has rule index %d", id, idx)
		}
		loc := r["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
		art := loc["artifactLocation"].(map[string]any)
		uri, _ := art["uri"].(string)
		if !strings.HasPrefix(uri, "fixpreload/") || art["uriBaseId"] != "%SRCROOT%" {
			t.Errorf("result at %v: want a path relative to the working directory", art)
		}
		if reg := loc["region"].(map[string]any); reg["startLine"].(float64) < 1 || reg["startColumn"].(float64) < 1 {
			t.Errorf("result at %v: no line and column", reg)
		}
		if rel, ok := r["relatedLocations"].([]any); ok && len(rel) > 0 {
			related = true
			if m := rel[0].(map[string]any)["message"].(map[string]any)["text"].(string); !strings.HasPrefix(m, "loop over ") {
				t.Errorf("first related location says %q, want the loop", m)
			}
		}
		if fixes, ok := r["fixes"].([]any); ok && len(fixes) > 0 {
			fixed = true
		}
	}
	if !related || !fixed {
		t.Errorf("related locations %v, fixes %v: want both among the results", related, fixed)
	}
	// The base the relative paths resolve against is the working directory.
	wd, _ := os.Getwd()
	base := run["originalUriBaseIds"].(map[string]any)["%SRCROOT%"].(map[string]any)["uri"].(string)
	if u, err := url.Parse(base); err != nil || u.Scheme != "file" || filepath.Clean(u.Path) != wd {
		t.Errorf("%%SRCROOT%% is %s, want the file URI of %s", base, wd)
	}
}

// A package that does not type-check: a notification, exit 1, and the
// log still valid.
func TestSARIFLoadErrors(t *testing.T) {
	log, code := runSARIF(t, filepath.Join("testdata", "own"), "./broken")
	if code != driver.ExitError {
		t.Errorf("exit %d, want %d", code, driver.ExitError)
	}
	inv := log["runs"].([]any)[0].(map[string]any)["invocations"].([]any)[0].(map[string]any)
	if inv["executionSuccessful"] != false || len(inv["toolExecutionNotifications"].([]any)) == 0 {
		t.Errorf("invocation %v: want an unsuccessful run with the error as a notification", inv)
	}
}

// The validator is not vacuous: it rejects what the schema forbids.
func TestSARIFValidatorRejects(t *testing.T) {
	for _, bad := range []string{
		`{"version": "2.1.0"}`, // runs is required
		`{"version": "2.0.0", "runs": []}`,
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}`,                             // driver.name
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{}]}]}`, // result.message
		`{"version": "2.1.0", "runs": [], "extra": 1}`,
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}`,
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.go"}, "region": {"startLine": 0}}}]}]}]}`,
	} {
		var v any
		if err := json.Unmarshal([]byte(bad), &v); err != nil {
			t.Fatal(err)
		}
		if errs := validate(t, v); len(errs) == 0 {
			t.Errorf("accepted %s", bad)
		}
	}
}

// validate checks v against the SARIF schema. It implements the JSON
// Schema draft-04 keywords that schema uses: $ref (within the file),
// type, enum, properties, additionalProperties, required, items,
// minItems, uniqueItems, minimum, maximum, pattern, anyOf, oneOf and the
// formats uri, uri-reference and date-time.
func validate(t *testing.T, v any) []string {
	t.Helper()
	data, err := os.ReadFile(sarifSchema)
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	var walk func(any)
	walk = func(s any) {
		switch s := s.(type) {
		case map[string]any:
			for k, x := range s {
				if k == "properties" || k == "definitions" {
					for _, y := range x.(map[string]any) {
						walk(y)
					}
					continue
				}
				used[k] = true
				walk(x)
			}
		case []any:
			for _, x := range s {
				walk(x)
			}
		}
	}
	walk(schema)
	known := []string{"$ref", "$schema", "id", "title", "description", "default", "type", "enum", "additionalProperties",
		"required", "items", "minItems", "uniqueItems", "minimum", "maximum", "pattern", "anyOf", "oneOf", "format"}
	for k := range used {
		if !slices.Contains(known, k) {
			t.Fatalf("the schema uses %q, which the validator does not check", k)
		}
	}
	var errs []string
	check(schema, schema, v, "$", &errs)
	return errs
}

func check(root, s map[string]any, v any, path string, errs *[]string) {
	fail := func(format string, args ...any) { *errs = append(*errs, path+": "+fmt.Sprintf(format, args...)) }
	if ref, ok := s["$ref"].(string); ok {
		name, ok := strings.CutPrefix(ref, "#/definitions/")
		def, found := root["definitions"].(map[string]any)[name].(map[string]any)
		if !ok || !found {
			fail("unresolved $ref %s", ref)
			return
		}
		check(root, def, v, path, errs)
	}
	if t, ok := s["type"]; ok {
		var types []string
		switch t := t.(type) {
		case string:
			types = []string{t}
		case []any:
			for _, x := range t {
				types = append(types, x.(string))
			}
		}
		if !slices.ContainsFunc(types, func(ty string) bool { return hasType(v, ty) }) {
			fail("%v is not of type %v", v, types)
			return
		}
	}
	if enum, ok := s["enum"].([]any); ok && !slices.ContainsFunc(enum, func(e any) bool { return reflect.DeepEqual(e, v) }) {
		fail("%v is not one of %v", v, enum)
	}
	if subs, ok := s["anyOf"].([]any); ok && countValid(root, subs, v, path) == 0 {
		fail("matches none of anyOf")
	}
	if subs, ok := s["oneOf"].([]any); ok && countValid(root, subs, v, path) != 1 {
		fail("does not match exactly one of oneOf")
	}
	switch v := v.(type) {
	case map[string]any:
		props, _ := s["properties"].(map[string]any)
		for _, r := range asStrings(s["required"]) {
			if _, ok := v[r]; !ok {
				fail("missing required %q", r)
			}
		}
		for k, x := range v {
			if p, ok := props[k].(map[string]any); ok {
				check(root, p, x, path+"."+k, errs)
				continue
			}
			switch ap := s["additionalProperties"].(type) {
			case bool:
				if !ap {
					fail("property %q is not allowed", k)
				}
			case map[string]any:
				check(root, ap, x, path+"."+k, errs)
			}
		}
	case []any:
		if n, ok := s["minItems"].(float64); ok && float64(len(v)) < n {
			fail("%d items, want at least %v", len(v), n)
		}
		if u, _ := s["uniqueItems"].(bool); u {
			for i := range v {
				for j := range i {
					if reflect.DeepEqual(v[i], v[j]) {
						fail("items %d and %d are equal", j, i)
					}
				}
			}
		}
		if items, ok := s["items"].(map[string]any); ok {
			for i, x := range v {
				check(root, items, x, fmt.Sprintf("%s[%d]", path, i), errs)
			}
		}
	case float64:
		if n, ok := s["minimum"].(float64); ok && v < n {
			fail("%v is below the minimum %v", v, n)
		}
		if n, ok := s["maximum"].(float64); ok && v > n {
			fail("%v is above the maximum %v", v, n)
		}
	case string:
		if p, ok := s["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(v) {
			fail("%q does not match %s", v, p)
		}
		switch s["format"] {
		case "uri":
			if u, err := url.Parse(v); err != nil || u.Scheme == "" {
				fail("%q is not an absolute URI", v)
			}
		case "uri-reference":
			if _, err := url.Parse(v); err != nil {
				fail("%q is not a URI reference", v)
			}
		case "date-time":
			if _, err := time.Parse(time.RFC3339, v); err != nil {
				fail("%q is not a date-time", v)
			}
		}
	}
}

func countValid(root map[string]any, subs []any, v any, path string) int {
	n := 0
	for _, sub := range subs {
		var errs []string
		check(root, sub.(map[string]any), v, path, &errs)
		if len(errs) == 0 {
			n++
		}
	}
	return n
}

func hasType(v any, ty string) bool {
	switch v := v.(type) {
	case nil:
		return ty == "null"
	case bool:
		return ty == "boolean"
	case string:
		return ty == "string"
	case float64:
		return ty == "number" || ty == "integer" && v == float64(int64(v))
	case []any:
		return ty == "array"
	case map[string]any:
		return ty == "object"
	}
	return false
}

func asStrings(v any) []string {
	var out []string
	list, _ := v.([]any)
	for _, x := range list {
		out = append(out, x.(string))
	}
	return out
}
