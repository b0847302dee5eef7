// Package moduletest is what the test modules of the data libraries
// (rules/<lib>/<lib>test) share to prove the fixes end to end, as users
// run them: the nplusonelint binary built once per test run, commands run
// in a copy of a scenario module, and that copy.
package moduletest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	toolOnce sync.Once
	toolPath string
	toolErr  error
	toolDir  string
)

// Tool returns the path of cmd/nplusonelint, built once per test run from
// the nplusonelint module the test module requires (its replace
// directory).
func Tool(t *testing.T) string {
	t.Helper()
	toolOnce.Do(func() {
		out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/nplusonelint/nplusonelint").Output()
		if err != nil {
			toolErr = err
			return
		}
		if toolDir, toolErr = os.MkdirTemp("", "nplusonelint-tool"); toolErr != nil {
			return
		}
		toolPath = filepath.Join(toolDir, "nplusonelint")
		root := strings.TrimSpace(string(out))
		if out, err := exec.Command("go", "build", "-C", root, "-o", toolPath, "./cmd/nplusonelint").CombinedOutput(); err != nil {
			toolErr = &buildError{out: string(out)}
		}
	})
	if toolErr != nil {
		t.Fatalf("building nplusonelint: %v", toolErr)
	}
	return toolPath
}

type buildError struct{ out string }

func (e *buildError) Error() string { return e.out }

// Main runs the tests and removes the binary Tool built; call it from
// TestMain.
func Main(m *testing.M) {
	code := m.Run()
	if toolDir != "" {
		os.RemoveAll(toolDir)
	}
	os.Exit(code)
}

// Run runs a command in dir with env added to the environment and returns
// its output; it fails the test when the command fails.
func Run(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s in %s: %v\n%s", name, strings.Join(args, " "), dir, err, out)
	}
	return string(out)
}

// IsFindingsExit reports whether err is the tool's exit for findings (1
// under go vet, 3 standalone).
func IsFindingsExit(err error) bool {
	ee, ok := err.(*exec.ExitError)
	return ok && (ee.ExitCode() == 1 || ee.ExitCode() == 3)
}

// CopyTree copies the directory tree src into dst, every file writable.
func CopyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// HarnessModule writes a copy of the scenario module testdata/<scenario>
// of the repository at root, with harness as its package main in
// harness/, requiring the embedded SQLite driver and the repository's
// query counter. The calling test module requires what the harness does,
// so its go.sum completes the copy's.
func HarnessModule(t *testing.T, root, scenario, harness string) string {
	t.Helper()
	dir := t.TempDir()
	CopyTree(t, filepath.Join(root, "testdata", scenario), dir)
	gomod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	gomod = append(gomod, fmt.Sprintf(`
require (
	github.com/glebarez/go-sqlite v1.21.2
	github.com/nplusonelint/nplusonelint/querycount v0.0.0
)

replace github.com/nplusonelint/nplusonelint/querycount => %s/querycount
`, root)...)
	sum, err := os.ReadFile("go.sum")
	if err != nil {
		t.Fatal(err)
	}
	old, _ := os.ReadFile(filepath.Join(dir, "go.sum"))
	if err := os.MkdirAll(filepath.Join(dir, "harness"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"go.mod": gomod, "go.sum": append(old, sum...), "harness/main.go": []byte(harness)} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	Run(t, dir, []string{"GOFLAGS=-mod=mod"}, "go", "mod", "tidy")
	return dir
}
