package sqlxtest

import (
	"reflect"
	"testing"

	sq "github.com/Masterminds/squirrel"
	"github.com/jmoiron/sqlx"

	"github.com/nplusonelint/nplusonelint/rules"
	nsqlx "github.com/nplusonelint/nplusonelint/rules/sqlx"
	"github.com/nplusonelint/nplusonelint/rules/squirrel"
)

// Every method the rules name exists on the real type, and each SQL
// position holds a string parameter.
func TestMethodsExist(t *testing.T) {
	check(t, nsqlx.Library, map[string]reflect.Type{
		"DB": reflect.TypeFor[*sqlx.DB](), "Tx": reflect.TypeFor[*sqlx.Tx](), "Conn": reflect.TypeFor[*sqlx.Conn](),
		"Stmt": reflect.TypeFor[*sqlx.Stmt](), "NamedStmt": reflect.TypeFor[*sqlx.NamedStmt](),
		"Queryer": reflect.TypeFor[sqlx.Queryer](), "Execer": reflect.TypeFor[sqlx.Execer](),
		"QueryerContext": reflect.TypeFor[sqlx.QueryerContext](), "ExecerContext": reflect.TypeFor[sqlx.ExecerContext](),
		"Preparer": reflect.TypeFor[sqlx.Preparer](), "PreparerContext": reflect.TypeFor[sqlx.PreparerContext](),
	}, map[string]any{
		"Get": sqlx.Get, "Select": sqlx.Select, "GetContext": sqlx.GetContext, "SelectContext": sqlx.SelectContext,
		"NamedQuery": sqlx.NamedQuery, "NamedQueryContext": sqlx.NamedQueryContext, "NamedExec": sqlx.NamedExec,
		"NamedExecContext": sqlx.NamedExecContext, "MustExec": sqlx.MustExec, "MustExecContext": sqlx.MustExecContext,
		"Preparex": sqlx.Preparex, "PreparexContext": sqlx.PreparexContext, "LoadFile": sqlx.LoadFile, "LoadFileContext": sqlx.LoadFileContext,
	})
	check(t, squirrel.Library, map[string]reflect.Type{
		"SelectBuilder": reflect.TypeFor[sq.SelectBuilder](), "InsertBuilder": reflect.TypeFor[sq.InsertBuilder](),
		"UpdateBuilder": reflect.TypeFor[sq.UpdateBuilder](), "DeleteBuilder": reflect.TypeFor[sq.DeleteBuilder](),
		"StmtCache": reflect.TypeFor[*sq.StmtCache](),
	}, map[string]any{
		"ExecWith": sq.ExecWith, "QueryWith": sq.QueryWith, "QueryRowWith": sq.QueryRowWith,
		"ExecContextWith": sq.ExecContextWith, "QueryContextWith": sq.QueryContextWith, "QueryRowContextWith": sq.QueryRowContextWith,
	})
}

func check(t *testing.T, lib *rules.Library, types map[string]reflect.Type, funcs map[string]any) {
	for _, m := range lib.Queries {
		var ft reflect.Type
		recv := 0
		if m.Type == "" {
			f, ok := funcs[m.Name]
			if !ok {
				t.Errorf("%s.%s: no such function listed", lib.Name, m.Name)
				continue
			}
			ft = reflect.TypeOf(f)
		} else {
			typ, ok := types[m.Type]
			if !ok {
				t.Errorf("%s: type %s not checked", lib.Name, m.Type)
				continue
			}
			method, ok := typ.MethodByName(m.Name)
			if !ok {
				t.Errorf("(%s).%s does not exist", typ, m.Name)
				continue
			}
			ft = method.Type
			if typ.Kind() != reflect.Interface {
				recv = 1 // In(0) is the receiver
			}
		}
		if m.SQL > 0 && ft.In(m.SQL-1+recv).Kind() != reflect.String {
			t.Errorf("%s %s.%s: parameter %d is no SQL text", lib.Name, m.Type, m.Name, m.SQL)
		}
	}
}
