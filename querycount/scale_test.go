package querycount_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/nplusonelint/nplusonelint/querycount"
)

// recordingT records failures instead of failing.
type recordingT struct {
	testing.TB
	errors []string
}

func (r *recordingT) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
func (r *recordingT) Helper() {}

func TestExpectConstantListsWhatGrew(t *testing.T) {
	c, db := openNop(t, nopDriver{})
	var n int
	var want int
	list := func() {
		db.Query("SELECT * FROM posts")
		for i := range n {
			want = line()
			db.Query("SELECT * FROM authors WHERE id = ?", i)
		}
	}
	rt := &recordingT{TB: t}
	c.ExpectConstant(rt, 2, 5, func(size int) { n = size }, list)
	if len(rt.errors) != 1 {
		t.Fatalf("%d failures, want 1: %q", len(rt.errors), rt.errors)
	}
	msg := rt.errors[0]
	for _, part := range []string{"3 at 2, 6 at 5", "2 → 5  SELECT * FROM authors WHERE id = ?", fmt.Sprintf("scale_test.go:%d", want)} {
		if !strings.Contains(msg, part) {
			t.Errorf("message lacks %q:\n%s", part, msg)
		}
	}
	if strings.Contains(msg, "FROM posts") {
		t.Errorf("message lists the statement that did not grow:\n%s", msg)
	}

	// The fixed form: one query for the authors.
	rt = &recordingT{TB: t}
	c.ExpectConstant(rt, 2, 5, func(size int) { n = size }, func() {
		db.Query("SELECT * FROM posts")
		db.Query("SELECT * FROM authors WHERE id IN (1, 2)")
	})
	if len(rt.errors) != 0 {
		t.Errorf("constant statements failed: %q", rt.errors)
	}
}

func TestExpectContextInParallel(t *testing.T) {
	_, db := openNop(t, nopDriver{})
	for i := range 6 {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			t.Parallel()
			querycount.ExpectContext(t, i, func(ctx context.Context) {
				for range i {
					db.ExecContext(ctx, "UPDATE t SET x = ?", i)
				}
			})
		})
	}
}

func TestWatchFailsTheTest(t *testing.T) {
	_, db := openNop(t, nopDriver{})
	rt := &recordingT{TB: t}
	t.Run("inner", func(t *testing.T) {
		rt.TB = t
		ctx := querycount.Watch(rt, querycount.Detector{})
		for i := range 3 {
			db.QueryContext(ctx, "SELECT * FROM comments WHERE post_id = $1", i)
		}
	})
	if len(rt.errors) != 1 || !strings.Contains(rt.errors[0], "3× the same statement from querycount/scale_test.go:") {
		t.Errorf("Watch reported %q, want one 3× duplicate", rt.errors)
	}
}
