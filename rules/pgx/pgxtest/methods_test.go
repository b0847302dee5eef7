package pgxtest

import (
	"reflect"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	pgxrules "github.com/nplusonelint/nplusonelint/rules/pgx"
)

// Every method the rules name exists on each real handle of that name,
// and its SQL position holds a string parameter.
func TestMethodsExist(t *testing.T) {
	handles := map[string][]reflect.Type{
		"Conn": {reflect.TypeFor[*pgx.Conn](), reflect.TypeFor[*pgxpool.Conn]()},
		"Tx":   {reflect.TypeFor[pgx.Tx](), reflect.TypeFor[*pgxpool.Tx]()},
		"Pool": {reflect.TypeFor[*pgxpool.Pool]()},
	}
	for _, m := range pgxrules.Library.Queries {
		for _, typ := range handles[m.Type] {
			method, ok := typ.MethodByName(m.Name)
			if !ok {
				t.Errorf("%s.%s does not exist", typ, m.Name)
				continue
			}
			in := method.Type.In
			if typ.Kind() != reflect.Interface {
				in = func(i int) reflect.Type { return method.Type.In(i + 1) } // In(0) is the receiver
			}
			if m.SQL > 0 && in(m.SQL-1).Kind() != reflect.String {
				t.Errorf("%s.%s: parameter %d is no SQL text", typ, m.Name, m.SQL)
			}
		}
	}
	if _, ok := reflect.TypeFor[*pgx.Batch]().MethodByName("Queue"); !ok {
		t.Error("(*pgx.Batch).Queue does not exist")
	}
}
