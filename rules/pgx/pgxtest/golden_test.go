// Package pgxtest holds the pgx tests that need the real library. pgx
// needs a PostgreSQL server to run statements, which the tests do not
// assume: the batch fix's golden file is compiled and vetted instead.
package pgxtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The fixed scenario compiles and vets against the real pgx.
func TestGoldenCompiles(t *testing.T) {
	scen := filepath.Join("..", "..", "..", "testdata", "pgx")
	dir := t.TempDir()
	for _, f := range []string{"go.mod", "go.sum"} {
		copyFile(t, filepath.Join(scen, f), filepath.Join(dir, f))
	}
	goldens, err := filepath.Glob(filepath.Join(scen, "fixbatch", "*.go.golden"))
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	pkg := filepath.Join(dir, "fixbatch")
	for _, g := range goldens {
		copyFile(t, g, filepath.Join(pkg, strings.TrimSuffix(filepath.Base(g), ".golden")))
	}
	cmd := exec.Command("go", "vet", "./fixbatch")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go vet of the fixed code: %v\n%s", err, out)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
