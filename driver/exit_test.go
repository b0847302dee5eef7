package driver_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nplusonelint/nplusonelint/analyzer"
	"github.com/nplusonelint/nplusonelint/driver"
)

// Each mode's exit code: findings, none, packages with errors (which
// are printed once, as the go command and go/types word them).
func TestExitCodes(t *testing.T) {
	dir := filepath.Join("testdata", "own")
	for _, tc := range []struct {
		patterns []string
		opts     driver.Options
		code     int
	}{
		{[]string{"./store"}, driver.Options{}, driver.ExitReported},
		{[]string{"./store"}, driver.Options{JSON: true}, driver.ExitClean},
		{[]string{"./broken"}, driver.Options{}, driver.ExitError},
		{[]string{"./broken"}, driver.Options{JSON: true}, driver.ExitError},
		{[]string{"./..."}, driver.Options{Tests: true}, driver.ExitError},
		{[]string{"./nosuchdir/..."}, driver.Options{}, driver.ExitError},
		{[]string{"example.com/util"}, driver.Options{}, driver.ExitClean},
	} {
		tc.opts.Dir = dir
		var stdout, stderr bytes.Buffer
		code := driver.RunTo(analyzer.Analyzer, tc.patterns, tc.opts, &stdout, &stderr)
		if code != tc.code {
			t.Errorf("%v %+v: exit %d, want %d\nstderr:\n%s", tc.patterns, tc.opts, code, tc.code, &stderr)
		}
		if n := strings.Count(stderr.String(), "cannot use \"not a number\""); code == driver.ExitError && n > 1 {
			t.Errorf("%v %+v: the type error printed %d times:\n%s", tc.patterns, tc.opts, n, &stderr)
		}
		if strings.Contains(stderr.String(), "analysis skipped") {
			t.Errorf("%v %+v: says the analysis was skipped besides the error:\n%s", tc.patterns, tc.opts, &stderr)
		}
	}
}

// A package and its test variant report the package's files once each,
// in JSON as in text.
func TestJSONSaysEachDiagnosticOnce(t *testing.T) {
	var stdout, stderr bytes.Buffer
	opts := driver.Options{Dir: filepath.Join("testdata", "own"), JSON: true, Tests: true}
	driver.RunTo(analyzer.Analyzer, []string{"./store"}, opts, &stdout, &stderr)
	var tree map[string]map[string][]struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &tree); err != nil {
		t.Fatalf("%v\n%s", err, &stdout)
	}
	seen, n := map[string]bool{}, 0
	for _, byAnalyzer := range tree {
		for _, diags := range byAnalyzer {
			for _, d := range diags {
				n++
				if key := d.Posn + " " + d.Message; seen[key] {
					t.Errorf("printed twice: %s", key)
				} else {
					seen[key] = true
				}
			}
		}
	}
	if n == 0 {
		t.Fatalf("no diagnostic printed:\n%s", &stdout)
	}
}

// An ignore directive that suppresses nothing is reported once, whether
// the package is analyzed alone or also with its tests.
func TestUnusedIgnoreOnce(t *testing.T) {
	for _, tests := range []bool{false, true} {
		var stdout, stderr bytes.Buffer
		code := driver.RunTo(analyzer.Analyzer, []string{"./..."}, driver.Options{Dir: filepath.Join("testdata", "stale"), Tests: tests}, &stdout, &stderr)
		if n := strings.Count(stderr.String(), "stale.go:8:3: unused //nplusone:ignore"); code != driver.ExitReported || n != 1 || strings.Count(stderr.String(), "\n") != 1 {
			t.Errorf("tests %v: exit %d, the unused directive reported %d times, want once and nothing else:\n%s", tests, code, n, &stderr)
		}
	}
}
