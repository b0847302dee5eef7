package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/nplusonelint/nplusonelint/analyzer"
	"github.com/nplusonelint/nplusonelint/rules/libraries"
)

// layered is the scenario module of queries behind interfaces declared in
// other packages than their implementations, function fields and a
// declared wrapper (testdata/layered, database/sql only).
func layered() string {
	return filepath.Join(analysistest.TestData(), "..", "..", "testdata", "layered")
}

// The standard checker, given what the standalone run resolved
// (nplusone.queries, written by -emit-config and compared with it in the
// driver's tests) and the declared wrapper, finds what the standalone run
// finds: the interface calls through their implementations, the function
// fields, the declared client.
func TestLayeredInterfaces(t *testing.T) {
	reg := libraries.Registry()
	a := analyzer.New(reg)
	for _, q := range []string{"@" + filepath.Join(layered(), "nplusone.queries"), "(*example.com/layered/dbx.Client).Get"} {
		if err := a.Flags.Set("queries", q); err != nil {
			t.Fatal(err)
		}
	}
	analysistest.Run(t, layered(), a, "./...")
}
