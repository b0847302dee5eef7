package gopgtest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/nplusonelint/nplusonelint/internal/moduletest"
)

// TestMain removes the binary the end-to-end test builds.
func TestMain(m *testing.M) { moduletest.Main(m) }

// go-pg runs on PostgreSQL only, which this test does not have: every
// fix nplusonelint offers on the go-pg scenarios (testdata/gopg), applied
// with nplusonelint -fix, must turn each fix* file into its golden file
// and leave a module that builds and passes go vet.
func TestAllFixesCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the tool and the scenarios")
	}
	bin := moduletest.Tool(t)
	dir := filepath.Join(t.TempDir(), "gopg")
	moduletest.CopyTree(t, filepath.Join("..", "..", "..", "testdata", "gopg"), dir)
	goldens, _ := filepath.Glob(filepath.Join(dir, "fix*", "*.go.golden"))
	if len(goldens) == 0 {
		t.Fatal("no golden files in testdata/gopg/fix*")
	}
	cmd := exec.Command(bin, "-fix", "./...")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil && !moduletest.IsFindingsExit(err) {
		t.Fatalf("nplusonelint -fix: %v\n%s", err, out)
	}
	for _, g := range goldens {
		fixed := g[:len(g)-len(".golden")]
		after, _ := os.ReadFile(fixed)
		golden, _ := os.ReadFile(g)
		if !bytes.Equal(after, golden) {
			t.Errorf("-fix must turn %s into its golden file; got:\n%s", filepath.Base(fixed), after)
		}
	}
	moduletest.Run(t, dir, nil, "go", "build", "./...")
	moduletest.Run(t, dir, nil, "go", "vet", "./...")
}
