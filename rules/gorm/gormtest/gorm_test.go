package gormtest

import (
	"go/types"
	"reflect"
	"slices"
	"testing"

	"golang.org/x/tools/go/packages"
	"gorm.io/gorm"

	"github.com/nplusonelint/nplusonelint/rules"
	npgorm "github.com/nplusonelint/nplusonelint/rules/gorm"
	"github.com/nplusonelint/nplusonelint/rules/libraries"
)

// Every method the GORM rules name exists on the real type.
func TestGORMMethodsExist(t *testing.T) {
	types := map[string]reflect.Type{
		"DB":          reflect.TypeFor[*gorm.DB](),
		"Association": reflect.TypeFor[*gorm.Association](),
		"Statement":   reflect.TypeFor[*gorm.Statement](),
	}
	for _, m := range slices.Concat(npgorm.Library.Queries, npgorm.Library.Invokers, npgorm.Library.Recorders, npgorm.Library.SQLBuilders) {
		typ, ok := types[m.Type]
		if !ok {
			t.Errorf("%s.%s: unknown type", m.Type, m.Name)
			continue
		}
		if _, ok := typ.MethodByName(m.Name); !ok {
			t.Errorf("(*gorm.%s).%s does not exist", m.Type, m.Name)
		}
	}
}

// Lookup, on the real gorm package's types: finishers run a query with the
// right kind; builders do not.
func TestGORMLookup(t *testing.T) {
	reg := libraries.Registry()
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedTypes | packages.NeedName}, "gorm.io/gorm")
	if err != nil || len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
		t.Fatalf("loading gorm: %v %v", err, pkgs)
	}
	scope := pkgs[0].Types.Scope()
	method := func(typ, name string) *types.Func {
		obj := scope.Lookup(typ)
		if obj == nil {
			t.Fatalf("gorm.%s not found", typ)
		}
		m, _, _ := types.LookupFieldOrMethod(types.NewPointer(obj.Type()), true, obj.Pkg(), name)
		if m == nil {
			m, _, _ = types.LookupFieldOrMethod(obj.Type(), true, obj.Pkg(), name)
		}
		fn, ok := m.(*types.Func)
		if !ok {
			t.Fatalf("gorm.%s.%s not found", typ, name)
		}
		return fn
	}
	queries := []struct {
		typ, name string
		kind      rules.Kind
		sqlArg    int
	}{
		{"DB", "First", rules.Read, -1},
		{"DB", "Find", rules.Read, -1},
		{"DB", "FindInBatches", rules.Read, -1},
		{"DB", "Scan", rules.Read, -1},
		{"DB", "Count", rules.Count, -1},
		{"DB", "Create", rules.Write, -1},
		{"DB", "Save", rules.Write, -1},
		{"DB", "Delete", rules.Write, -1},
		{"DB", "Exec", rules.Exec, 0},
		{"Association", "Find", rules.Read, -1},
		{"Association", "Count", rules.Count, -1},
		{"Association", "Append", rules.Write, -1},
		{"ExecInterface", "Find", rules.Read, -1},
		{"ExecInterface", "First", rules.Read, -1},
		{"ExecInterface", "Rows", rules.Read, -1},
		{"ChainInterface", "Update", rules.Write, -1},
		{"ChainInterface", "Count", rules.Count, -1},
		{"CreateInterface", "Create", rules.Write, -1},
		{"Interface", "Exec", rules.Exec, 1},
	}
	for _, q := range queries {
		got, ok := reg.Lookup(method(q.typ, q.name))
		if !ok || got.Kind != q.kind || got.SQLArg != q.sqlArg {
			t.Errorf("Lookup(%s.%s) = %+v, %v; want kind %s, SQL arg %d", q.typ, q.name, got, ok, q.kind, q.sqlArg)
		}
	}
	builders := []struct{ typ, name string }{
		{"DB", "Where"}, {"DB", "Model"}, {"DB", "Preload"}, {"DB", "Joins"}, {"DB", "Raw"},
		{"DB", "Session"}, {"DB", "WithContext"}, {"DB", "Association"}, {"DB", "ScanRows"},
		{"DB", "Table"}, {"DB", "Select"}, {"DB", "Order"}, {"DB", "Limit"}, {"DB", "Scopes"},
		{"DB", "Unscoped"}, {"DB", "Debug"}, {"DB", "Begin"}, {"DB", "Commit"}, {"DB", "Rollback"},
		{"DB", "Transaction"}, {"DB", "AutoMigrate"}, {"DB", "Migrator"},
		{"ChainInterface", "Where"}, {"ChainInterface", "Preload"}, {"Interface", "Raw"},
	}
	for _, b := range builders {
		if got, ok := reg.Lookup(method(b.typ, b.name)); ok {
			t.Errorf("Lookup(%s.%s) = %+v; want no query", b.typ, b.name, got)
		}
	}
	if lib, _ := reg.RowHook(method("DB", "Find")); lib != nil {
		t.Errorf("(*gorm.DB).Find is no row hook")
	}
	if !reg.IsInvoker(method("DB", "Transaction")) || reg.IsInvoker(method("DB", "FindInBatches")) {
		t.Errorf("Transaction must invoke its callback; FindInBatches must not count as invoking it per element")
	}
}
