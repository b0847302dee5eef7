package querycount

import (
	"context"
	"database/sql/driver"
	"time"
)

// stmt counts each execution of a prepared statement.
type stmt struct {
	driver.Stmt
	c     *Counter
	query string
}

func (s *stmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	start := time.Now()
	var res driver.Result
	var err error
	if e, ok := s.Stmt.(driver.StmtExecContext); ok {
		res, err = e.ExecContext(ctx, args)
	} else {
		var vals []driver.Value
		if vals, err = values(ctx, args); err == nil {
			res, err = s.Stmt.Exec(vals) //nolint:staticcheck // the fallback database/sql uses
		}
	}
	s.c.Record(ctx, s.query, start, err)
	return res, err
}

func (s *stmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	start := time.Now()
	var rows driver.Rows
	var err error
	if q, ok := s.Stmt.(driver.StmtQueryContext); ok {
		rows, err = q.QueryContext(ctx, args)
	} else {
		var vals []driver.Value
		if vals, err = values(ctx, args); err == nil {
			rows, err = s.Stmt.Query(vals) //nolint:staticcheck // the fallback database/sql uses
		}
	}
	s.c.Record(ctx, s.query, start, err)
	return rows, err
}

func (s *stmt) CheckNamedValue(nv *driver.NamedValue) error {
	if c, ok := s.Stmt.(driver.NamedValueChecker); ok {
		return c.CheckNamedValue(nv)
	}
	return driver.ErrSkip
}
