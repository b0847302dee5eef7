package debughttp_test

import (
	"log/slog"
	"net/http"

	"github.com/nplusonelint/nplusonelint/querycount"
	"github.com/nplusonelint/nplusonelint/querycount/debughttp"
)

// A development server counts each request's statements, logs its
// N+1s, and shows them at /debug/queries.
func Example() {
	app := http.NewServeMux() // the application's handlers, running queries with r.Context()
	rec := &debughttp.Recorder{Detector: &querycount.Detector{Min: 3, Report: querycount.Log(slog.Default())}}
	mux := http.NewServeMux()
	mux.Handle("/debug/queries", rec)
	mux.Handle("/", rec.Middleware(app))
	go http.ListenAndServe("127.0.0.1:8080", mux)
}
