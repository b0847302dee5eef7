package gopgtest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"testing"

	"github.com/go-pg/pg/v10/orm"

	"github.com/nplusonelint/nplusonelint/rules/gopg"
)

// The relations inferred from the models' source must join the columns
// go-pg's own schema (orm.GetTable, no database needed) joins.
func TestRelationsMatchGoPG(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "m.go", modelSource, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := new(types.Config).Check("m", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, model := range []any{Author{}, Post{}, Tag{}} {
		typ := reflect.TypeOf(model)
		table := orm.GetTable(typ)
		named := pkg.Scope().Lookup(typ.Name()).Type().(*types.Named)
		rels := gopg.Relations(named)
		if len(rels) != len(table.Relations) {
			t.Errorf("%s: %d relations inferred, go-pg has %d", typ.Name(), len(rels), len(table.Relations))
		}
		for _, r := range rels {
			rel := table.Relations[r.Name]
			if rel == nil {
				t.Errorf("%s.%s: go-pg knows no such relation", typ.Name(), r.Name)
				continue
			}
			if len(rel.BaseFKs) != 1 || len(rel.JoinFKs) != 1 {
				t.Errorf("%s.%s: go-pg joins %d=%d columns", typ.Name(), r.Name, len(rel.BaseFKs), len(rel.JoinFKs))
				continue
			}
			// go-pg names a has-one's owner column BaseFKs, a has-many's
			// or belongs-to's the owner's primary key: both are what the
			// owner passes.
			if got, want := r.BaseColumn+"="+r.JoinColumn, rel.BaseFKs[0].SQLName+"="+rel.JoinFKs[0].SQLName; got != want {
				t.Errorf("%s.%s (%s) joins %s, go-pg joins %s", typ.Name(), r.Name, r.Kind, got, want)
			}
			checked++
		}
	}
	if checked != 7 {
		t.Errorf("checked %d relations, want 7", checked)
	}
}
