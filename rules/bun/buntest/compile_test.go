package buntest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/nplusonelint/nplusonelint/internal/moduletest"
)

// Every fix nplusonelint offers on the bun scenarios (testdata/bun),
// applied with nplusonelint -fix, leaves a module that builds and passes
// go vet.
func TestAllFixesCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the tool and the scenarios")
	}
	tmp := t.TempDir()
	bin := moduletest.Tool(t)
	dir := filepath.Join(tmp, "bun")
	moduletest.CopyTree(t, filepath.Join("..", "..", "..", "testdata", "bun"), dir)
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
	moduletest.Run(t, dir, nil, "go", "build", "./...")
	moduletest.Run(t, dir, nil, "go", "vet", "./...")
}
