package editor

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The binaries under test: gopls built with the analyzer (from
// $NPLUSONE_GOPLS, or built by scripts/build-gopls.sh) and the standalone
// nplusonelint, whose findings and fixes the editor must show alike.
var gopls, nplusonelint string

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	tmp, err := os.MkdirTemp("", "editor-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(tmp)
	root, _ := filepath.Abs("..")
	if gopls = os.Getenv("NPLUSONE_GOPLS"); gopls == "" {
		gopls = filepath.Join(tmp, "gopls")
		if out, err := exec.Command("bash", filepath.Join(root, "scripts/build-gopls.sh"), tmp).CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "building gopls: %v\n%s", err, out)
			return 1
		}
	}
	nplusonelint = filepath.Join(tmp, "nplusonelint")
	build := exec.Command("go", "build", "-o", nplusonelint, "./cmd/nplusonelint")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building nplusonelint: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// copyModule copies testdata/shop into a fresh directory and returns it.
func copyModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("cp", "-R", "testdata/shop/.", dir).CombinedOutput(); err != nil {
		t.Fatalf("copying testdata/shop: %v\n%s", err, out)
	}
	return dir
}

func start(t *testing.T, dir string, settings map[string]any) (*Client, context.Context) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	t.Cleanup(cancel)
	var log bytes.Buffer
	c, err := Start(ctx, gopls, dir, settings, nil, &log)
	if err != nil {
		t.Fatalf("starting gopls: %v\n%s", err, log.String())
	}
	t.Cleanup(func() {
		if err := c.Close(); err != nil {
			t.Errorf("closing gopls: %v\n%s", err, log.String())
		}
	})
	return c, ctx
}

func bySource(diags []Diagnostic, source string) []Diagnostic {
	var out []Diagnostic
	for _, d := range diags {
		if d.Source == source {
			out = append(out, d)
		}
	}
	return out
}

// analyzed reports whether gopls' analyzers have run on the file: its own
// printf check has reported the marker of testdata/shop/shop/shop.go.
func analyzed(diags []Diagnostic) bool { return len(bySource(diags, "printf")) > 0 }

// finding is a diagnostic of nplusonelint -json, positions as line:col.
type finding struct {
	Category string `json:"category"`
	Posn     string `json:"posn"`
	Message  string `json:"message"`
	Fixes    []struct {
		Message string `json:"message"`
	} `json:"suggested_fixes"`
	Related []struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	} `json:"related"`
}

func standalone(t *testing.T, dir string) []finding {
	t.Helper()
	cmd := exec.Command(nplusonelint, "-json", "./...")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("nplusonelint -json: %v\n%s", err, out)
	}
	var byPkg map[string]map[string][]finding
	if err := json.Unmarshal(out, &byPkg); err != nil {
		t.Fatalf("nplusonelint -json: %v\n%s", err, out)
	}
	var all []finding
	for _, byAnalyzer := range byPkg {
		all = append(all, byAnalyzer["nplusone"]...)
	}
	return all
}

// posn formats an LSP location as nplusonelint prints positions
// (file:line:col, the column in bytes; the test files are ASCII).
func posn(l Location) string {
	return fmt.Sprintf("%s:%d:%d", strings.TrimPrefix(l.URI, "file://"), l.Range.Start.Line+1, l.Range.Start.Character+1)
}

// relatedPosn is a related position as compared: file:line:col in the
// opened file, file:line in others. A call chain's positions in other
// packages come from facts, which gopls serializes; they keep the line
// (the analyzer's Hop) but not the column.
func relatedPosn(path, p string) string {
	if strings.HasPrefix(p, path+":") {
		return p
	}
	return p[:strings.LastIndex(p, ":")]
}

// checkLikeStandalone checks that the editor shows each finding of the
// standalone tool on the file, with the same message, rule ID, related
// positions and a documentation link, and nothing else.
func checkLikeStandalone(t *testing.T, path string, diags []Diagnostic, want []finding) {
	t.Helper()
	var inFile []finding
	for _, f := range want {
		if strings.HasPrefix(f.Posn, path+":") {
			inFile = append(inFile, f)
		}
	}
	if len(diags) != len(inFile) {
		t.Fatalf("gopls shows %d nplusone diagnostics, nplusonelint reports %d:%s", len(diags), len(inFile), summarize(diags))
	}
	for i, d := range diags {
		f := inFile[i]
		if got := posn(Location{URI(path), d.Range}); got != f.Posn {
			t.Errorf("diagnostic at %s, nplusonelint at %s", got, f.Posn)
		}
		if d.Message != f.Message {
			t.Errorf("message %q, nplusonelint says %q", d.Message, f.Message)
		}
		if d.Code != f.Category {
			t.Errorf("code %q, want the rule ID %q", d.Code, f.Category)
		}
		if wantHref := "https://github.com/nplusonelint/nplusonelint/blob/main/docs/rules.md#" + f.Category; d.CodeDescription == nil || d.CodeDescription.Href != wantHref {
			t.Errorf("code description %+v, want a link to %s", d.CodeDescription, wantHref)
		}
		if d.Severity != 2 {
			t.Errorf("severity %d, want 2 (warning)", d.Severity)
		}
		var got, wantRel []string
		for _, r := range d.RelatedInformation {
			got = append(got, relatedPosn(path, posn(r.Location))+" "+r.Message)
		}
		for _, r := range f.Related {
			if !strings.HasPrefix(r.Message, "Preload(") { // the fix's own message, not a position
				wantRel = append(wantRel, relatedPosn(path, r.Posn)+" "+r.Message)
			}
		}
		if strings.Join(got, "\n") != strings.Join(wantRel, "\n") {
			t.Errorf("related information:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantRel, "\n"))
		}
	}
}

// TestDiagnosticsAndQuickFix opens a file as an editor does, checks the
// N+1 diagnostics (one direct, one through another package's function,
// which takes facts), applies the quick fix and builds the result, which
// must be what nplusonelint -fix writes; then edits and saves the file and
// sees the diagnostics follow.
func TestDiagnosticsAndQuickFix(t *testing.T) {
	dir := copyModule(t)
	path := filepath.Join(dir, "shop", "shop.go")
	uri := URI(path)
	original, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := standalone(t, dir)

	c, ctx := start(t, dir, nil)
	opened := time.Now()
	if err := c.DidOpen(uri, original); err != nil {
		t.Fatal(err)
	}
	p, err := c.WaitDiagnostics(ctx, uri, 1, opened, analyzed)
	if err != nil {
		t.Fatal(err)
	}
	diags := bySource(p.Diagnostics, "nplusone")
	checkLikeStandalone(t, path, diags, want)
	if len(diags) != 2 {
		t.Fatalf("want 2 nplusone diagnostics, got:%s", summarize(p.Diagnostics))
	}

	// The direct N+1 has a quick fix: the edit of nplusonelint -fix.
	fixes, err := c.QuickFixes(ctx, uri, diags[0])
	if err != nil {
		t.Fatal(err)
	}
	var wantFix string
	for _, f := range want {
		if f.Message == diags[0].Message && len(f.Fixes) == 1 {
			wantFix = f.Fixes[0].Message
		}
	}
	var edits map[string][]TextEdit
	for _, a := range fixes {
		if a.Kind == "quickfix" && wantFix != "" && a.Title == wantFix {
			if a.Edit == nil {
				t.Fatalf("quick fix %q has no edit after resolve", a.Title)
			}
			edits = a.Edit.Files()
			t.Logf("quick fix %q (resolved lazily: %v)", a.Title, a.Lazy)
		}
	}
	if edits == nil {
		t.Fatalf("no quick fix %q for %q; code actions: %+v", wantFix, diags[0].Message, fixes)
	}
	// The one through the helper has advice in its message and no edit,
	// as in nplusonelint.
	if others, err := c.QuickFixes(ctx, uri, diags[1]); err != nil || len(others) > 0 {
		t.Fatalf("quick fixes for %q: %+v, %v; want none", diags[1].Message, others, err)
	}
	for u, es := range edits {
		file := strings.TrimPrefix(u, "file://")
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		text, err = ApplyEdits(text, es)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	build := exec.Command("go", "build", "./...")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("the fixed module does not build: %v\n%s", err, out)
	}
	fixed, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	other := copyModule(t)
	fix := exec.Command(nplusonelint, "-fix", "./...")
	fix.Dir = other
	fix.Run() // exits non-zero: it reports what it cannot fix
	byTool, err := os.ReadFile(filepath.Join(other, "shop", "shop.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fixed, byTool) {
		t.Errorf("the quick fix wrote:\n%s\nnplusonelint -fix writes:\n%s", fixed, byTool)
	}

	// Saving the fixed file leaves the N+1 through the helper only.
	saved := time.Now()
	if err := c.DidChangeAndSave(path, 2, fixed); err != nil {
		t.Fatal(err)
	}
	p, err = c.WaitDiagnostics(ctx, uri, 2, saved, analyzed)
	if err != nil {
		t.Fatal(err)
	}
	checkLikeStandalone(t, path, bySource(p.Diagnostics, "nplusone"), standalone(t, dir))
	if n := len(bySource(p.Diagnostics, "nplusone")); n != 1 {
		t.Fatalf("after the fix: %d nplusone diagnostics, want 1:%s", n, summarize(p.Diagnostics))
	}

	// Saving the N+1 back brings its diagnostic back.
	saved = time.Now()
	if err := c.DidChangeAndSave(path, 3, original); err != nil {
		t.Fatal(err)
	}
	p, err = c.WaitDiagnostics(ctx, uri, 3, saved, analyzed)
	if err != nil {
		t.Fatal(err)
	}
	checkLikeStandalone(t, path, bySource(p.Diagnostics, "nplusone"), want)
}

// TestDisabled: gopls' own "analyses" setting turns the analyzer off.
func TestDisabled(t *testing.T) {
	dir := copyModule(t)
	path := filepath.Join(dir, "shop", "shop.go")
	uri := URI(path)
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, ctx := start(t, dir, map[string]any{"analyses": map[string]any{"nplusone": false}})
	opened := time.Now()
	if err := c.DidOpen(uri, text); err != nil {
		t.Fatal(err)
	}
	p, err := c.WaitDiagnostics(ctx, uri, 1, opened, analyzed)
	if err != nil {
		t.Fatal(err)
	}
	if d := bySource(p.Diagnostics, "nplusone"); len(d) > 0 {
		t.Errorf("analyses nplusone=false, still reported:%s", summarize(d))
	}
}

// TestApplyEdits pins the position arithmetic (UTF-16 columns).
func TestApplyEdits(t *testing.T) {
	text := []byte("a := \"é𝄞\"\nb\n")
	got, err := ApplyEdits(text, []TextEdit{
		{Range{Position{0, 9}, Position{0, 10}}, "!"}, // the closing quote, after é (1 unit) and 𝄞 (2)
		{Range{Position{1, 0}, Position{1, 1}}, "c"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := "a := \"é𝄞!\nc\n"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
	for _, bad := range []Position{{0, 40}, {0, 8}, {5, 0}} { // beyond the line, inside 𝄞, beyond the file
		if _, err := ApplyEdits(text, []TextEdit{{Range{bad, bad}, ""}}); err == nil {
			t.Errorf("an edit at %+v applied", bad)
		}
	}
}
