package pgxcount

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/nplusonelint/nplusonelint/querycount"
)

// A Tracer is a pgx.QueryTracer and pgx.BatchTracer counting into a
// Counter.
type Tracer struct{ c *querycount.Counter }

// NewTracer returns a tracer counting into c.
func NewTracer(c *querycount.Counter) *Tracer { return &Tracer{c} }

var (
	_ pgx.QueryTracer = (*Tracer)(nil)
	_ pgx.BatchTracer = (*Tracer)(nil)
)

type runningKey struct{}

// TraceQueryStart notes the query's start and call site.
func (t *Tracer) TraceQueryStart(ctx context.Context, _ *pgx.Conn, data pgx.TraceQueryStartData) context.Context {
	if s := t.c.Begin(ctx, data.SQL); s != nil {
		return context.WithValue(ctx, runningKey{}, s)
	}
	return ctx
}

// TraceQueryEnd records the query.
func (t *Tracer) TraceQueryEnd(ctx context.Context, _ *pgx.Conn, data pgx.TraceQueryEndData) {
	if s, ok := ctx.Value(runningKey{}).(*querycount.Running); ok {
		s.End(data.Err)
	}
}

// TraceBatchStart notes the batch's start and call site.
func (t *Tracer) TraceBatchStart(ctx context.Context, _ *pgx.Conn, data pgx.TraceBatchStartData) context.Context {
	if data.Batch == nil || data.Batch.Len() == 0 {
		return ctx
	}
	q := data.Batch.QueuedQueries
	sql := q[0].SQL
	if len(q) > 1 {
		sql = fmt.Sprintf("/* batch of %d */ %s", len(q), sql)
	}
	if s := t.c.Begin(ctx, sql); s != nil {
		return context.WithValue(ctx, runningKey{}, s)
	}
	return ctx
}

// TraceBatchQuery does nothing: the batch counts as one statement.
func (t *Tracer) TraceBatchQuery(context.Context, *pgx.Conn, pgx.TraceBatchQueryData) {}

// TraceBatchEnd records the batch.
func (t *Tracer) TraceBatchEnd(ctx context.Context, _ *pgx.Conn, data pgx.TraceBatchEndData) {
	if s, ok := ctx.Value(runningKey{}).(*querycount.Running); ok {
		s.End(data.Err)
	}
}
