package buntest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nplusonelint/nplusonelint/internal/moduletest"
)

// Every fix nplusonelint offers on the bun scenarios (testdata/bun),
// applied with nplusonelint -fix, turns each fix* file into its golden
// file and leaves a module that builds and passes go vet.
func TestAllFixesCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the tool and the scenarios")
	}
	tmp := t.TempDir()
	bin := moduletest.Tool(t)
	dir := filepath.Join(tmp, "bun")
	moduletest.CopyTree(t, filepath.Join("..", "..", "..", "testdata", "bun"), dir)
	goldens, _ := filepath.Glob(filepath.Join(dir, "fix*", "*.go.golden"))
	if len(goldens) == 0 {
		t.Fatal("no golden files in testdata/bun/fix*")
	}
	cmd := exec.Command(bin, "-fix", "./...")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); err != nil && !(ok && ee.ExitCode() == 3) {
		t.Fatalf("nplusonelint -fix: %v\n%s", err, out)
	}
	for _, g := range goldens {
		fixed := strings.TrimSuffix(g, ".golden")
		after, _ := os.ReadFile(fixed)
		golden, _ := os.ReadFile(g)
		if !bytes.Equal(after, golden) {
			t.Errorf("-fix must turn %s into its golden file; got:\n%s", fixed, after)
		}
	}
	moduletest.Run(t, dir, nil, "go", "build", "./...")
	moduletest.Run(t, dir, nil, "go", "vet", "./...")
}
