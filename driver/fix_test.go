package driver_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nplusonelint/nplusonelint/analyzer"
	"github.com/nplusonelint/nplusonelint/driver"
)

// fixModule copies the scenario module's go.mod, go.sum and fixexists
// package (a fix per existence check, advice only for the counts per
// element) into a directory of its own.
func fixModule(t *testing.T) (dir, file string) {
	dir = t.TempDir()
	src := filepath.Join("..", "testdata", "src")
	if err := os.CopyFS(filepath.Join(dir, "fixexists"), os.DirFS(filepath.Join(src, "fixexists"))); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	file = filepath.Join(dir, "fixexists", "exists.go")
	if err := os.Chmod(file, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, file
}

// -fix writes the fixes (the golden file) and prints, with exit code 3,
// the diagnostics it could not fix; the result builds.
func TestFixPrintsWhatIsLeft(t *testing.T) {
	dir, file := fixModule(t)
	var stdout, stderr bytes.Buffer
	code := driver.RunTo(analyzer.Analyzer, []string{"./..."}, driver.Options{Fix: true, Dir: dir}, &stdout, &stderr)
	if code != driver.ExitReported || !strings.Contains(stderr.String(), "Count runs once per element of") {
		t.Errorf("-fix: exit %d, want %d with the unfixed diagnostics; stderr:\n%s", code, driver.ExitReported, &stderr)
	}
	got, _ := os.ReadFile(file)
	want, _ := os.ReadFile(filepath.Join("..", "testdata", "src", "fixexists", "exists.go.golden"))
	if !bytes.Equal(got, want) {
		t.Errorf("-fix wrote:\n%s\nwant the golden file:\n%s", got, want)
	}
	cmd := exec.Command("go", "build", "./...")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("go build after -fix: %v\n%s", err, out)
	}
}

// -diff prints a patch that makes the golden file and writes nothing.
func TestDiffWritesNothing(t *testing.T) {
	dir, file := fixModule(t)
	before, _ := os.ReadFile(file)
	var stdout, stderr bytes.Buffer
	code := driver.RunTo(analyzer.Analyzer, []string{"./..."}, driver.Options{Fix: true, Diff: true, Dir: dir}, &stdout, &stderr)
	after, _ := os.ReadFile(file)
	if code != driver.ExitReported || !bytes.Equal(before, after) {
		t.Fatalf("-diff: exit %d, file changed: %v", code, !bytes.Equal(before, after))
	}
	if _, err := exec.LookPath("patch"); err != nil {
		t.Skip("no patch command to apply the diff")
	}
	cmd := exec.Command("patch", "-p0", "-s")
	cmd.Dir, cmd.Stdin = "/", &stdout
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch: %v\n%s\ndiff:\n%s", err, out, &stdout)
	}
	got, _ := os.ReadFile(file)
	want, _ := os.ReadFile(filepath.Join("..", "testdata", "src", "fixexists", "exists.go.golden"))
	if !bytes.Equal(got, want) {
		t.Errorf("the diff makes:\n%s\nwant the golden file:\n%s", got, want)
	}
}

// A read-only file stops -fix with one line before any file is written.
func TestFixReadOnly(t *testing.T) {
	dir, file := fixModule(t)
	if err := os.Chmod(file, 0o444); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(file)
	var stdout, stderr bytes.Buffer
	code := driver.RunTo(analyzer.Analyzer, []string{"./..."}, driver.Options{Fix: true, Dir: dir}, &stdout, &stderr)
	after, _ := os.ReadFile(file)
	first, _, _ := strings.Cut(stderr.String(), "\n")
	if code != driver.ExitError || !bytes.Equal(before, after) || !strings.Contains(first, "read-only; no file changed") {
		t.Errorf("-fix on a read-only file: exit %d, changed %v, stderr:\n%s", code, !bytes.Equal(before, after), &stderr)
	}
}

// -fix keeps the layout of a file that is not gofmt-formatted outside its
// edits rather than reformatting the whole file.
func TestFixKeepsLayout(t *testing.T) {
	dir, file := fixModule(t)
	const tail = "\nvar   keptAsWritten   =  1\n"
	src, _ := os.ReadFile(file)
	if err := os.WriteFile(file, append(src, tail...), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	driver.RunTo(analyzer.Analyzer, []string{"./..."}, driver.Options{Fix: true, Dir: dir}, &stdout, &stderr)
	got, _ := os.ReadFile(file)
	want, _ := os.ReadFile(filepath.Join("..", "testdata", "src", "fixexists", "exists.go.golden"))
	if string(got) != string(want)+tail {
		t.Errorf("-fix wrote:\n%s\nwant the golden file followed by %q", got, tail)
	}
}
