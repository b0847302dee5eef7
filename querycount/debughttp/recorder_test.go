package debughttp_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/nplusonelint/nplusonelint/querycount"
	"github.com/nplusonelint/nplusonelint/querycount/debughttp"
)

// recordN records n statements with ctx, as a counted driver would.
func recordN(ctx context.Context, c *querycount.Counter, n int, sql string) {
	for range n {
		c.Begin(ctx, sql).End(nil)
	}
}

func TestRecorderKeepsTheLastRequests(t *testing.T) {
	c := querycount.New()
	rec := &debughttp.Recorder{Keep: 3}
	h := rec.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		recordN(r.Context(), c, 1, "SELECT * FROM posts")
		recordN(r.Context(), c, 3, `SELECT * FROM "<b>" WHERE id = 'x'`)
	}))
	for i := range 5 {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", fmt.Sprintf("/posts?page=%d", i), nil))
	}
	units := rec.Units()
	if len(units) != 3 || units[0].Name() != "GET /posts?page=4" || units[2].Name() != "GET /posts?page=2" {
		t.Fatalf("kept %d units, newest %q; want the last 3, newest first", len(units), units[0].Name())
	}
	for _, u := range units {
		if u.Count() != 4 || u.End().IsZero() {
			t.Errorf("%s: %d statements, ended %v; want 4, ended", u.Name(), u.Count(), u.End())
		}
	}
	w := httptest.NewRecorder()
	rec.ServeHTTP(w, httptest.NewRequest("GET", "/debug/queries", nil))
	page := w.Body.String()
	if n := strings.Count(page, `<div class="duplicate">`); n != 3 {
		t.Errorf("%d duplicate groups on the page, want 3", n)
	}
	if !strings.Contains(page, "SELECT * FROM &#34;&lt;b&gt;&#34; WHERE id = ?") || strings.Contains(page, "<b>") {
		t.Errorf("the page does not show the normalised SQL, or shows it unescaped:\n%s", page)
	}
}

func TestEmptyPage(t *testing.T) {
	w := httptest.NewRecorder()
	(&debughttp.Recorder{}).ServeHTTP(w, httptest.NewRequest("GET", "/", nil))
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "No request yet") {
		t.Errorf("%d %s", w.Code, w.Body.String())
	}
}
