package pgxtest

import (
	"go/importer"
	"go/token"
	"go/types"
	"testing"

	pgxrules "github.com/nplusonelint/nplusonelint/rules/pgx"
)

// Every row callback the rules name is a function of pgx whose positions
// hold what they say: a function, the rows (pgx.Rows) and the scan targets
// ([]any).
func TestRowCallbacksExist(t *testing.T) {
	pkg, err := importer.ForCompiler(token.NewFileSet(), "source", nil).Import(pgxrules.Path)
	if err != nil {
		t.Fatal(err)
	}
	rows := pkg.Scope().Lookup("Rows").Type()
	for _, rc := range pgxrules.Library.RowCallbacks {
		fn, ok := pkg.Scope().Lookup(rc.Name).(*types.Func)
		if !ok || rc.Type != "" {
			t.Errorf("%s is not a function of %s", rc.Name, pgxrules.Path)
			continue
		}
		params := fn.Signature().Params()
		at := func(pos int) types.Type {
			if pos < 1 || pos > params.Len() {
				t.Fatalf("%s has no parameter %d", rc.Name, pos)
			}
			return params.At(pos - 1).Type()
		}
		if _, ok := at(rc.Func).Underlying().(*types.Signature); !ok {
			t.Errorf("%s: parameter %d is no function", rc.Name, rc.Func)
		}
		if rc.Rows > 0 && !types.Identical(at(rc.Rows), rows) {
			t.Errorf("%s: parameter %d is no pgx.Rows", rc.Name, rc.Rows)
		}
		if rc.Scans > 0 && at(rc.Scans).String() != "[]any" {
			t.Errorf("%s: parameter %d is no []any", rc.Name, rc.Scans)
		}
	}
}
