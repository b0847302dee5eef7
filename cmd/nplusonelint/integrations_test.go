package main

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The pre-commit hook (.pre-commit-hooks.yaml) and the GitHub Actions
// workflow example (docs/github-actions.yml) parse, and their commands do
// what they say when run as scripts on the example application.

// root is the repository's root, from this package's directory.
const root = "../.."

// buildTool builds the command into a directory of its own, for PATH.
func buildTool(t *testing.T) string {
	t.Helper()
	bin := t.TempDir()
	out, err := exec.Command("go", "build", "-o", filepath.Join(bin, "nplusonelint"), ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// runScript runs script with bash in dir, the tool first in PATH.
func runScript(t *testing.T, bin, dir, script string) (string, int) {
	t.Helper()
	cmd := exec.Command("bash", "-euo", "pipefail", "-c", script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return string(out), exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return string(out), 0
}

func TestPreCommitHook(t *testing.T) {
	doc := parseYAMLFile(t, filepath.Join(root, ".pre-commit-hooks.yaml"))
	hooks, ok := doc.([]any)
	if !ok || len(hooks) != 1 {
		t.Fatalf("want one hook, got %v", doc)
	}
	hook := hooks[0].(map[string]any)
	for _, key := range []string{"id", "name", "entry", "language"} { // pre-commit's required keys
		if _, ok := hook[key].(string); !ok {
			t.Errorf("hook lacks %s: %v", key, hook)
		}
	}
	if hook["language"] != "golang" || hook["pass_filenames"] != "false" {
		t.Errorf("hook %v: want language golang (pre-commit go-installs the repository) and no file names (the tool takes packages)", hook)
	}
	// pre-commit runs entry with args: on the example, the N+1 fails the commit.
	var args []string
	for _, a := range hook["args"].([]any) {
		args = append(args, a.(string))
	}
	out, code := runScript(t, buildTool(t), filepath.Join(root, "example"), hook["entry"].(string)+" "+strings.Join(args, " "))
	if code != 3 || !strings.Contains(out, "N+1 query: blog.authorOf runs (*gorm.DB).First") {
		t.Errorf("hook: exit %d, want 3 with the example's N+1:\n%s", code, out)
	}
}

func TestGitHubActionsWorkflow(t *testing.T) {
	doc := parseYAMLFile(t, filepath.Join(root, "docs", "github-actions.yml")).(map[string]any)
	for _, key := range []string{"name", "on", "permissions", "jobs"} {
		if doc[key] == nil {
			t.Fatalf("workflow lacks %s", key)
		}
	}
	if perm := doc["permissions"].(map[string]any); perm["security-events"] != "write" {
		t.Errorf("uploading SARIF needs security-events: write, got %v", perm)
	}
	job := doc["jobs"].(map[string]any)["nplusonelint"].(map[string]any)
	var script []string
	var uploads, installs bool
	for _, s := range job["steps"].([]any) {
		step := s.(map[string]any)
		uses, _ := step["uses"].(string)
		run, _ := step["run"].(string)
		switch {
		case uses == "" && run == "":
			t.Errorf("step %v neither uses an action nor runs a command", step)
		case strings.HasPrefix(uses, "github/codeql-action/upload-sarif@"):
			uploads = step["with"].(map[string]any)["sarif_file"] == "nplusonelint.sarif"
		case strings.HasPrefix(run, "go install github.com/nplusonelint/nplusonelint/cmd/nplusonelint@"):
			installs = true // the test puts the binary built here in PATH instead
		case run != "":
			script = append(script, run)
		}
	}
	if !uploads || !installs || len(script) == 0 {
		t.Fatalf("workflow: install %v, a run step %v, the upload of nplusonelint.sarif %v: want all three", installs, len(script) > 0, uploads)
	}
	dir := t.TempDir()
	if out, err := exec.Command("cp", "-R", filepath.Join(root, "example")+"/.", dir).CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	out, code := runScript(t, buildTool(t), dir, strings.Join(script, "\n"))
	if code != 0 {
		t.Fatalf("the workflow's commands exit %d:\n%s", code, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "nplusonelint.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string
		Runs    []struct{ Results []struct{ RuleID string } }
	}
	if err := json.Unmarshal(data, &log); err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) != 1 {
		t.Errorf("nplusonelint.sarif: %v, want SARIF 2.1.0 with the example's one result:\n%s", err, data)
	}
}

// parseYAMLFile reads the YAML subset these files use: block mappings
// and sequences by indentation, plain and quoted scalars, flow sequences
// of scalars ([a, b]), literal blocks (|) and comments. Anything else
// fails the test, so a file cannot drift outside what is checked.
func parseYAMLFile(t *testing.T, path string) any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var lines []yamlLine
	for i, raw := range strings.Split(string(data), "\n") {
		text := strings.TrimRight(raw, " ")
		trimmed := strings.TrimLeft(text, " ")
		lines = append(lines, yamlLine{i + 1, len(text) - len(trimmed), trimmed})
	}
	p := &yamlParser{t: t, path: path, lines: lines}
	p.skipBlank()
	v := p.block(p.indent())
	if p.skipBlank(); p.i < len(p.lines) {
		t.Fatalf("%s:%d: unexpected %q", path, p.lines[p.i].n, p.lines[p.i].text)
	}
	return v
}

type yamlLine struct {
	n, indent int
	text      string
}

type yamlParser struct {
	t     *testing.T
	path  string
	lines []yamlLine
	i     int
}

func (p *yamlParser) skipBlank() {
	for p.i < len(p.lines) && (p.lines[p.i].text == "" || strings.HasPrefix(p.lines[p.i].text, "#")) {
		p.i++
	}
}

func (p *yamlParser) indent() int {
	if p.i < len(p.lines) {
		return p.lines[p.i].indent
	}
	return -1
}

// block parses the mapping or sequence whose entries start at indent.
func (p *yamlParser) block(indent int) any {
	if strings.HasPrefix(p.lines[p.i].text, "- ") {
		var seq []any
		for p.skipBlank(); p.indent() == indent && strings.HasPrefix(p.lines[p.i].text, "- "); p.skipBlank() {
			// "- key: v" starts a mapping whose keys are indented past the dash.
			l := &p.lines[p.i]
			l.text, l.indent = l.text[2:], l.indent+2
			if _, _, isMap := strings.Cut(l.text, ": "); isMap || strings.HasSuffix(l.text, ":") {
				seq = append(seq, p.block(l.indent))
			} else {
				p.i++
				seq = append(seq, p.scalar(l.text, l.n))
			}
		}
		return seq
	}
	m := map[string]any{}
	for p.skipBlank(); p.indent() == indent && !strings.HasPrefix(p.lines[p.i].text, "- "); p.skipBlank() {
		l := p.lines[p.i]
		key, value, ok := strings.Cut(l.text, ":")
		if !ok || key == "" || value != "" && value[0] != ' ' {
			p.t.Fatalf("%s:%d: want key: value, got %q", p.path, l.n, l.text)
		}
		value = strings.TrimSpace(value)
		p.i++
		switch {
		case value == "|":
			var text []string
			for ; p.i < len(p.lines) && (p.lines[p.i].text == "" || p.lines[p.i].indent > indent); p.i++ {
				if p.lines[p.i].text != "" {
					text = append(text, strings.Repeat(" ", p.lines[p.i].indent)+p.lines[p.i].text)
				} else {
					text = append(text, "")
				}
			}
			m[key] = dedent(text)
		case value == "":
			if p.skipBlank(); p.indent() > indent || p.indent() == indent && strings.HasPrefix(p.lines[p.i].text, "- ") {
				m[key] = p.block(p.indent())
			} else {
				m[key] = nil
			}
		default:
			m[key] = p.scalar(value, l.n)
		}
	}
	return m
}

func (p *yamlParser) scalar(s string, n int) any {
	if i := strings.Index(s, " #"); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	switch {
	case strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]"):
		list := []any{}
		for _, x := range strings.Split(s[1:len(s)-1], ",") {
			if x = strings.TrimSpace(x); x != "" {
				list = append(list, p.scalar(x, n))
			}
		}
		return list
	case len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0]:
		return s[1 : len(s)-1]
	case strings.ContainsAny(s[:1], "{&*!|>%@`"):
		p.t.Fatalf("%s:%d: %q is outside the YAML subset the test reads", p.path, n, s)
	}
	return s
}

// dedent removes the common indentation of a literal block.
func dedent(lines []string) string {
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	common := -1
	for _, l := range lines {
		if l != "" {
			if n := len(l) - len(strings.TrimLeft(l, " ")); common < 0 || n < common {
				common = n
			}
		}
	}
	for i, l := range lines {
		if l != "" {
			lines[i] = l[common:]
		}
	}
	return strings.Join(lines, "\n") + "\n"
}
