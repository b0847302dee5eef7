package debughttp

import (
	"net/http"
	"sync"

	"github.com/nplusonelint/nplusonelint/querycount"
)

// A Recorder keeps the units of work of the last requests through its
// middleware, and serves the page that shows them. Its zero value is
// ready to use.
type Recorder struct {
	// Keep is how many requests the page shows; 0 means 50.
	Keep int
	// Min is the smallest group the page highlights as duplicates; 0
	// means 2.
	Min int
	// Detector, when not nil, also reports each request's duplicates as
	// the request ends (to a log, say).
	Detector *querycount.Detector

	mu    sync.Mutex
	units []*querycount.Unit // oldest first
}

// Middleware runs each request through next in a unit of work of its
// own, carried by the request's context, and keeps the unit when the
// request ends. Requests for the page itself are best routed around it.
func (rec *Recorder) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u := querycount.NewUnit(r.Method+" "+r.URL.RequestURI(), rec.Detector)
		defer rec.keep(u)
		next.ServeHTTP(w, r.WithContext(querycount.NewContext(r.Context(), u)))
	})
}

// keep finishes u and adds it to the recent units.
func (rec *Recorder) keep(u *querycount.Unit) {
	u.Finish()
	keep := rec.Keep
	if keep <= 0 {
		keep = 50
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	rec.units = append(rec.units, u)
	if n := len(rec.units) - keep; n > 0 {
		rec.units = append(rec.units[:0:0], rec.units[n:]...)
	}
}

// Units returns the units of the requests kept, newest first.
func (rec *Recorder) Units() []*querycount.Unit {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	out := make([]*querycount.Unit, len(rec.units))
	for i, u := range rec.units {
		out[len(out)-1-i] = u
	}
	return out
}

func (rec *Recorder) min() int {
	if rec.Min <= 0 {
		return 2
	}
	return rec.Min
}
