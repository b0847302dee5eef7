package gormtest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nplusonelint/nplusonelint/internal/moduletest"
)

// Every fix nplusonelint offers on the scenarios, applied together with
// nplusonelint -fix, leaves a module that builds and passes go vet.
func TestAllFixesCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the tool and the scenarios")
	}
	bin := moduletest.Tool(t)
	dir := t.TempDir()
	moduletest.CopyTree(t, filepath.Join("..", "..", "..", "testdata", "src"), dir)
	pkgs := "./..."
	if out, _ := exec.Command("go", "env", "CGO_ENABLED").Output(); strings.TrimSpace(string(out)) != "1" {
		os.RemoveAll(filepath.Join(dir, "cgo")) // needs cgo to build
	}
	before := snapshot(t, dir)
	cmd := exec.Command(bin, "-fix", pkgs)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil && !moduletest.IsFindingsExit(err) {
		t.Fatalf("nplusonelint -fix: %v\n%s", err, out)
	}
	if strings.Contains(string(out), "conflict") || strings.Contains(string(out), "skipped") {
		t.Errorf("fixes were skipped:\n%s", out)
	}
	after := snapshot(t, dir)
	changed := 0
	for name, data := range after {
		if !bytes.Equal(data, before[name]) {
			changed++
		}
	}
	if changed == 0 {
		t.Fatal("nplusonelint -fix changed no file")
	}
	t.Logf("%d files changed", changed)
	moduletest.Run(t, dir, nil, "go", "build", pkgs)
	moduletest.Run(t, dir, nil, "go", "vet", pkgs)
}

// snapshot reads every .go file under dir.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") {
			data, _ := os.ReadFile(path)
			files[path] = data
		}
		return nil
	})
	return files
}
