package buntest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"testing"

	"github.com/uptrace/bun/dialect/sqlitedialect"

	npbun "github.com/nplusonelint/nplusonelint/rules/bun"
)

// The relations inferred from the models' source must join the columns
// bun's own schema joins.
func TestRelationsMatchBun(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "m.go", modelSource, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := new(types.Config).Check("m", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	tables := sqlitedialect.New().Tables()
	checked := 0
	for _, model := range []any{Post{}, Member{}} {
		typ := reflect.TypeOf(model)
		table := tables.Get(typ)
		named := pkg.Scope().Lookup(typ.Name()).Type().(*types.Named)
		for _, r := range npbun.Relations(named) {
			rel := table.Relations[r.Name]
			if rel == nil {
				t.Errorf("%s.%s: bun knows no such relation", typ.Name(), r.Name)
				continue
			}
			if len(rel.BasePKs) != 1 || len(rel.JoinPKs) != 1 {
				continue
			}
			if got, want := r.BaseColumn+"="+r.JoinColumn, rel.BasePKs[0].Name+"="+rel.JoinPKs[0].Name; got != want {
				t.Errorf("%s.%s joins %s, bun joins %s", typ.Name(), r.Name, got, want)
			}
			checked++
		}
	}
	if checked != 4 {
		t.Errorf("checked %d relations, want 4", checked)
	}
}
