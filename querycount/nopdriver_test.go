package querycount_test

import (
	"context"
	"database/sql/driver"
	"io"
)

// nopDriver is a database/sql driver whose statements do nothing and
// return no rows: the floor against which the counter's cost is
// measured, and a driver with each optional interface on or off.
type nopDriver struct{ prepareOnly bool }

func (d nopDriver) Open(string) (driver.Conn, error) {
	if d.prepareOnly {
		return prepareOnlyConn{}, nil
	}
	return nopConn{}, nil
}

// nopConn runs statements directly (ExecerContext, QueryerContext).
type nopConn struct{ prepareOnlyConn }

func (nopConn) ExecContext(context.Context, string, []driver.NamedValue) (driver.Result, error) {
	return driver.RowsAffected(1), nil
}

func (nopConn) QueryContext(context.Context, string, []driver.NamedValue) (driver.Rows, error) {
	return nopRows{}, nil
}

// prepareOnlyConn runs statements only through Prepare.
type prepareOnlyConn struct{}

func (prepareOnlyConn) Prepare(string) (driver.Stmt, error) { return nopStmt{}, nil }
func (prepareOnlyConn) Close() error                        { return nil }
func (prepareOnlyConn) Begin() (driver.Tx, error)           { return nopTx{}, nil }

type nopStmt struct{}

func (nopStmt) Close() error                               { return nil }
func (nopStmt) NumInput() int                              { return -1 }
func (nopStmt) Exec([]driver.Value) (driver.Result, error) { return driver.RowsAffected(1), nil }
func (nopStmt) Query([]driver.Value) (driver.Rows, error)  { return nopRows{}, nil }

type nopRows struct{}

func (nopRows) Columns() []string         { return []string{"x"} }
func (nopRows) Close() error              { return nil }
func (nopRows) Next([]driver.Value) error { return io.EOF }

type nopTx struct{}

func (nopTx) Commit() error   { return nil }
func (nopTx) Rollback() error { return nil }
