// Package debughttp shows the statements of an HTTP server's recent
// requests in a page, like a debug toolbar's SQL panel: a middleware
// marks each request as a querycount unit of work, and a handler (to
// mount like net/http/pprof's, on a development server) lists the recent
// requests with their statement counts and, for each, its statements
// grouped by normalised SQL and call site, duplicates highlighted with
// the remedy for the library that ran them.
//
//	rec := &debughttp.Recorder{}
//	mux.Handle("/debug/queries", rec)
//	http.ListenAndServe(addr, rec.Middleware(mux))
//
// Statements are counted by a querycount.Counter's driver wrapper or an
// adapter, run with the request's context (r.Context()).
package debughttp
