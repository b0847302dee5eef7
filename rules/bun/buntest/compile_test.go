package buntest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Every fix nplusonelint offers on the bun scenarios (testdata/bun),
// applied with nplusonelint -fix, leaves a module that builds and passes
// go vet.
func TestAllFixesCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the tool and the scenarios")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "nplusonelint")
	run(t, ".", "go", "build", "-o", bin, "../../../cmd/nplusonelint")
	dir := filepath.Join(tmp, "bun")
	copyTree(t, filepath.Join("..", "..", "..", "testdata", "bun"), dir)
	fixed := filepath.Join(dir, "fixrel", "fix.go")
	before, _ := os.ReadFile(fixed)
	cmd := exec.Command(bin, "-fix", "./...")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); err != nil && !(ok && ee.ExitCode() == 3) {
		t.Fatalf("nplusonelint -fix: %v\n%s", err, out)
	}
	after, _ := os.ReadFile(fixed)
	golden, _ := os.ReadFile(fixed + ".golden")
	if bytes.Equal(before, after) || !bytes.Equal(after, golden) {
		t.Errorf("-fix must turn fixrel/fix.go into its golden file; got:\n%s", after)
	}
	run(t, dir, "go", "build", "./...")
	run(t, dir, "go", "vet", "./...")
}

func run(t *testing.T, dir, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
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
