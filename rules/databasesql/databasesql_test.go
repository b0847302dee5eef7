package databasesql_test

import (
	"database/sql"
	"go/importer"
	"go/token"
	"go/types"
	"reflect"
	"testing"

	"github.com/nplusonelint/nplusonelint/rules"
	"github.com/nplusonelint/nplusonelint/rules/databasesql"
)

// Every method the rules name exists on the real type, and each one's
// SQL position holds a string parameter.
func TestMethodsExist(t *testing.T) {
	types := map[string]reflect.Type{
		"DB":   reflect.TypeFor[*sql.DB](),
		"Tx":   reflect.TypeFor[*sql.Tx](),
		"Conn": reflect.TypeFor[*sql.Conn](),
		"Stmt": reflect.TypeFor[*sql.Stmt](),
	}
	for _, m := range databasesql.Library.Queries {
		method, ok := types[m.Type].MethodByName(m.Name)
		if !ok {
			t.Errorf("(*sql.%s).%s does not exist", m.Type, m.Name)
			continue
		}
		if m.SQL > 0 && method.Type.In(m.SQL).Kind() != reflect.String { // In(0) is the receiver
			t.Errorf("(*sql.%s).%s: parameter %d is no SQL text", m.Type, m.Name, m.SQL)
		}
	}
}

// Lookup on the real package's types: the statements run, the rest only
// reads results or controls a transaction.
func TestLookup(t *testing.T) {
	pkg, err := importer.ForCompiler(token.NewFileSet(), "source", nil).Import("database/sql")
	if err != nil {
		t.Fatal(err)
	}
	reg := rules.NewRegistry(databasesql.Library)
	method := func(typ, name string) *types.Func {
		obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(pkg.Scope().Lookup(typ).Type()), true, pkg, name)
		return obj.(*types.Func)
	}
	for _, c := range []struct {
		typ, name string
		kind      rules.Kind
		sql       int
	}{
		{"DB", "QueryRowContext", rules.Read, 1},
		{"DB", "Exec", rules.Exec, 0},
		{"Tx", "Query", rules.Read, 0},
		{"Conn", "ExecContext", rules.Exec, 1},
		{"Stmt", "QueryRow", rules.Read, -1},
	} {
		q, ok := reg.Lookup(method(c.typ, c.name))
		if !ok || q.Kind != c.kind || q.SQLArg != c.sql {
			t.Errorf("Lookup((*sql.%s).%s) = %+v, %v; want %s with SQL at %d", c.typ, c.name, q, ok, c.kind, c.sql)
		}
	}
	for _, c := range [][2]string{{"Rows", "Next"}, {"Rows", "Scan"}, {"Row", "Scan"}, {"DB", "Begin"}, {"Tx", "Commit"}, {"DB", "Ping"}} {
		if q, ok := reg.Lookup(method(c[0], c[1])); ok {
			t.Errorf("Lookup((*sql.%s).%s) = %+v; want no query", c[0], c[1], q)
		}
	}
	if !reg.IsHandle(types.NewPointer(pkg.Scope().Lookup("DB").Type())) {
		t.Error("*sql.DB is a handle: a loop over connections is a fan-out")
	}
}

// The one query advised comes from the statement's own text.
func TestBatched(t *testing.T) {
	for _, c := range []struct{ in, key, out string }{
		{"SELECT name FROM authors WHERE id = $1", "id", "SELECT id, name FROM authors WHERE id = ANY($1)"},
		{"SELECT id, name FROM authors WHERE id = ?", "id", "SELECT id, name FROM authors WHERE id IN (?)"},
		{"SELECT * FROM comments c WHERE c.post_id = ? ORDER BY id", "c.post_id", "SELECT * FROM comments c WHERE c.post_id IN (?) ORDER BY id"},
		{"DELETE FROM posts WHERE id = $2", "id", "DELETE FROM posts WHERE id = ANY($2)"},
		{"SELECT name FROM authors WHERE id = ? AND org = ?", "", ""},
		{"SELECT name FROM authors", "", ""},
	} {
		if key, out := databasesql.Batched(c.in); key != c.key || out != c.out {
			t.Errorf("Batched(%q) = %q, %q; want %q, %q", c.in, key, out, c.key, c.out)
		}
	}
}

// Only a plain count of all matching rows becomes an EXISTS.
func TestExistsText(t *testing.T) {
	for _, c := range []struct {
		in, out string
		ok      bool
	}{
		{"SELECT COUNT(*) FROM follows WHERE user_id = $1", "SELECT CASE WHEN EXISTS (SELECT 1 FROM follows WHERE user_id = $1) THEN 1 ELSE 0 END", true},
		{"\n\tselect count(1) from t where a = ?\n", "\n\tSELECT CASE WHEN EXISTS (SELECT 1 FROM t where a = ?) THEN 1 ELSE 0 END\n", true},
		{"SELECT COUNT(DISTINCT a) FROM t", "", false},
		{"SELECT COUNT(*) FROM t GROUP BY a", "", false},
		{"SELECT COUNT(*) FROM t LIMIT 1", "", false},
		{"SELECT COUNT(*) FROM t; DELETE FROM t", "", false},
	} {
		if out, ok := databasesql.ExistsText(c.in); out != c.out || ok != c.ok {
			t.Errorf("ExistsText(%q) = %q, %v; want %q, %v", c.in, out, ok, c.out, c.ok)
		}
	}
}
