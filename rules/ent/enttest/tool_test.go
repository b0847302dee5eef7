package enttest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	toolOnce sync.Once
	toolDir  string
	toolPath string
	toolErr  error
)

// tool builds the nplusonelint command of this repository once.
func tool(t *testing.T) string {
	t.Helper()
	toolOnce.Do(func() {
		toolDir, toolErr = os.MkdirTemp("", "nplusonelint-tool")
		if toolErr != nil {
			return
		}
		toolPath = filepath.Join(toolDir, "nplusonelint")
		if out, err := exec.Command("go", "build", "-C", "../../..", "-o", toolPath, "./cmd/nplusonelint").CombinedOutput(); err != nil {
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

func TestMain(m *testing.M) {
	code := m.Run()
	if toolDir != "" {
		os.RemoveAll(toolDir)
	}
	os.Exit(code)
}

// run runs a command in dir and returns its output; it fails the test when
// the command fails.
func run(t *testing.T, dir string, env []string, name string, args ...string) string {
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

// isFindingsExit reports whether err is the tool's exit for findings.
func isFindingsExit(err error) bool {
	ee, ok := err.(*exec.ExitError)
	return ok && (ee.ExitCode() == 1 || ee.ExitCode() == 3)
}

// copyTree copies the directory tree src into dst.
func copyTree(t *testing.T, src, dst string) {
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
