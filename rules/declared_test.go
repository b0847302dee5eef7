package rules_test

import (
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/nplusonelint/nplusonelint/rules"
)

func TestDeclare(t *testing.T) {
	pkg := types.NewPackage("example.com/db", "db")
	client := types.NewNamed(types.NewTypeName(token.NoPos, pkg, "Client", nil), types.NewStruct(nil, nil), nil)
	method := func(name string) *types.Func {
		recv := types.NewVar(token.NoPos, pkg, "c", types.NewPointer(client))
		return types.NewFunc(token.NoPos, pkg, name, types.NewSignatureType(recv, nil, nil, nil, nil, false))
	}
	fn := types.NewFunc(token.NoPos, pkg, "Exec", types.NewSignatureType(nil, nil, nil, nil, nil, false))

	for _, c := range []struct {
		pattern string
		fn      *types.Func
		kind    rules.Kind
		ok      bool
	}{
		{"(*example.com/db.Client).Get", method("Get"), rules.Read, true},
		{"example.com/db.Client.Get", method("Get"), rules.Read, true},
		{"example.com/db.Client.Get", method("Put"), "", false},
		{"example.com/db.Client.*=write", method("Put"), rules.Write, true},
		{"example.com/db.Exec=exec", fn, rules.Exec, true},
		{"example.com/db.Exec", method("Exec"), "", false},
		{"example.com/other.Client.Get", method("Get"), "", false},
	} {
		reg := rules.NewRegistry()
		if err := reg.Declare(c.pattern); err != nil {
			t.Fatalf("Declare(%q): %v", c.pattern, err)
		}
		q, ok := reg.Lookup(c.fn)
		if ok != c.ok || ok && q.Kind != c.kind {
			t.Errorf("%s: Lookup(%s) = %v, %v; want %v, %v", c.pattern, c.fn, q.Kind, ok, c.kind, c.ok)
		}
		if ok && !reg.Reaches("example.com/db") {
			t.Errorf("%s: importers of example.com/db must count as reaching data", c.pattern)
		}
	}
	for _, bad := range []string{"", "Get", "example.com/db", "(*example.com/db.Client)", "example.com/db.a.b.c", "example.com/db.Exec=delete", "example.com/db.*"} {
		if err := rules.NewRegistry().Declare(bad); err == nil {
			t.Errorf("Declare(%q) accepted a bad pattern", bad)
		}
	}
}

// Code a library generates into the user's module is matched by shape,
// through the library's Generated function, whatever its import path.
func TestGenerated(t *testing.T) {
	pkg := types.NewPackage("example.com/app/db", "db")
	queries := types.NewNamed(types.NewTypeName(token.NoPos, pkg, "Queries", nil), types.NewStruct(nil, nil), nil)
	recv := types.NewVar(token.NoPos, pkg, "q", types.NewPointer(queries))
	get := types.NewFunc(token.NoPos, pkg, "GetAuthor", types.NewSignatureType(recv, nil, nil, nil, nil, false))
	lib := &rules.Library{Name: "gen", Generated: func(fn *types.Func) (rules.Method, bool) {
		return rules.Method{Kind: rules.Read}, rules.RecvName(fn.Signature()) == "Queries"
	}}
	q, ok := rules.NewRegistry(lib).Lookup(get)
	if !ok || q.Library != lib || q.Kind != rules.Read || q.SQLArg != -1 {
		t.Errorf("Lookup(%s) = %+v, %v; want a read of library gen", get, q, ok)
	}
	if _, ok := rules.NewRegistry().Lookup(get); ok {
		t.Errorf("without the library, %s is no query", get)
	}
}

// What -emit-config writes reads back the same: arguments, chain and
// library; a file of patterns skips blank lines and comments.
func TestDeclaredAttributes(t *testing.T) {
	for _, p := range []string{
		"example.com/domain.Store.GetProfile;args=1;via=(*postgres.Store).GetProfile→(*sql.DB).QueryRowContext;lib=database/sql",
		"example.com/domain.Store.List;args=none;via=(*postgres.Store).List→(*sql.DB).QueryContext",
		"example.com/domain.Store.Save=write;args=0+2",
	} {
		reg := rules.NewRegistry()
		if err := reg.Declare(p); err != nil {
			t.Fatalf("Declare(%q): %v", p, err)
		}
		if got := reg.DeclaredPatterns(); len(got) != 1 || got[0] != p {
			t.Errorf("Declare(%q) reads back as %q", p, got)
		}
	}
	for _, bad := range []string{"example.com/db.Exec;args=x", "example.com/db.Exec;args=64", "example.com/db.Exec;via=", "example.com/db.Exec;color=red"} {
		if err := rules.NewRegistry().Declare(bad); err == nil {
			t.Errorf("Declare(%q) accepted a bad pattern", bad)
		}
	}
	file := filepath.Join(t.TempDir(), "q")
	if err := os.WriteFile(file, []byte("# resolved\n\nexample.com/db.Exec=exec\n  example.com/db.Client.*  \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := rules.ReadPatterns(file)
	if err != nil || !slices.Equal(got, []string{"example.com/db.Exec=exec", "example.com/db.Client.*"}) {
		t.Errorf("ReadPatterns = %q, %v", got, err)
	}
	if _, err := rules.ReadPatterns(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("ReadPatterns of a missing file: no error")
	}
}
