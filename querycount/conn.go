package querycount

import (
	"context"
	"database/sql/driver"
	"errors"
	"time"
)

// conn counts the statements a driver connection runs. It implements
// every optional interface database/sql looks for, each falling back to
// what database/sql does when the driver lacks it.
type conn struct {
	driver.Conn
	c *Counter
}

func (cn *conn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	start := time.Now()
	var res driver.Result
	var err error
	switch e := cn.Conn.(type) {
	case driver.ExecerContext:
		res, err = e.ExecContext(ctx, query, args)
	case driver.Execer: //nolint:staticcheck // drivers may still implement only this
		var vals []driver.Value
		if vals, err = values(ctx, args); err == nil {
			res, err = e.Exec(query, vals)
		}
	default:
		return nil, driver.ErrSkip
	}
	if err != driver.ErrSkip {
		cn.c.Record(ctx, query, start, err)
	}
	return res, err
}

func (cn *conn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	start := time.Now()
	var rows driver.Rows
	var err error
	switch q := cn.Conn.(type) {
	case driver.QueryerContext:
		rows, err = q.QueryContext(ctx, query, args)
	case driver.Queryer: //nolint:staticcheck // drivers may still implement only this
		var vals []driver.Value
		if vals, err = values(ctx, args); err == nil {
			rows, err = q.Query(query, vals)
		}
	default:
		return nil, driver.ErrSkip
	}
	if err != driver.ErrSkip {
		cn.c.Record(ctx, query, start, err)
	}
	return rows, err
}

func (cn *conn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	var st driver.Stmt
	var err error
	if p, ok := cn.Conn.(driver.ConnPrepareContext); ok {
		st, err = p.PrepareContext(ctx, query)
	} else {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		st, err = cn.Conn.Prepare(query)
	}
	if err != nil {
		return nil, err
	}
	return &stmt{st, cn.c, query}, nil
}

func (cn *conn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	if b, ok := cn.Conn.(driver.ConnBeginTx); ok {
		return b.BeginTx(ctx, opts)
	}
	if opts.Isolation != 0 {
		return nil, errors.New("sql: driver does not support non-default isolation level")
	}
	if opts.ReadOnly {
		return nil, errors.New("sql: driver does not support read-only transactions")
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return cn.Conn.Begin() //nolint:staticcheck // the fallback database/sql uses
}

func (cn *conn) Ping(ctx context.Context) error {
	if p, ok := cn.Conn.(driver.Pinger); ok {
		return p.Ping(ctx)
	}
	return nil
}

func (cn *conn) ResetSession(ctx context.Context) error {
	if r, ok := cn.Conn.(driver.SessionResetter); ok {
		return r.ResetSession(ctx)
	}
	return nil
}

func (cn *conn) IsValid() bool {
	if v, ok := cn.Conn.(driver.Validator); ok {
		return v.IsValid()
	}
	return true
}

func (cn *conn) CheckNamedValue(nv *driver.NamedValue) error {
	if c, ok := cn.Conn.(driver.NamedValueChecker); ok {
		return c.CheckNamedValue(nv)
	}
	return driver.ErrSkip
}

// values converts arguments for a driver without context methods, as
// database/sql does.
func values(ctx context.Context, args []driver.NamedValue) ([]driver.Value, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	vals := make([]driver.Value, len(args))
	for i, a := range args {
		if a.Name != "" {
			return nil, errors.New("sql: driver does not support the use of Named Parameters")
		}
		vals[i] = a.Value
	}
	return vals, nil
}
