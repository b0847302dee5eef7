package xormtest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/nplusonelint/nplusonelint/internal/moduletest"
)

// Every fix nplusonelint offers on the xorm scenarios (testdata/xorm),
// applied with nplusonelint -fix, turns each fix scenario into its golden
// file and leaves a module that builds and passes go vet.
func TestAllFixesCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the tool and the scenarios")
	}
	dir := filepath.Join(t.TempDir(), "xorm")
	moduletest.CopyTree(t, filepath.Join("..", "..", "..", "testdata", "xorm"), dir)
	cmd := exec.Command(moduletest.Tool(t), "-fix", "./...")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil && !moduletest.IsFindingsExit(err) {
		t.Fatalf("nplusonelint -fix: %v\n%s", err, out)
	}
	goldens, _ := filepath.Glob(filepath.Join(dir, "fix*", "*.go.golden"))
	if len(goldens) == 0 {
		t.Fatal("no golden files")
	}
	for _, g := range goldens {
		want, _ := os.ReadFile(g)
		got, _ := os.ReadFile(g[:len(g)-len(".golden")])
		if !bytes.Equal(got, want) {
			t.Errorf("-fix must turn %s into its golden file; got:\n%s", g[:len(g)-len(".golden")], got)
		}
	}
	moduletest.Run(t, dir, nil, "go", "build", "./...")
	moduletest.Run(t, dir, nil, "go", "vet", "./...")
}
