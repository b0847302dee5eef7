package debughttp

import (
	"bytes"
	_ "embed"
	"html/template"
	"net/http"
	"strings"
	"time"

	"github.com/nplusonelint/nplusonelint/querycount"
)

//go:embed page.html
var pageHTML string

var page = template.Must(template.New("page").Funcs(template.FuncMap{
	"ms":    fmtDuration,
	"short": shortFunction,
}).Parse(pageHTML))

// request is a kept unit as the page shows it.
type request struct {
	ID         int
	Name       string
	Start      time.Time
	Duration   time.Duration
	Count      int
	DBTime     time.Duration
	Duplicates []querycount.Group
	Others     []querycount.Group
}

// ServeHTTP serves the page of the recent requests, newest first.
func (rec *Recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	units := rec.Units()
	reqs := make([]request, len(units))
	dups := 0
	for i, u := range units {
		q := request{ID: len(units) - i, Name: u.Name(), Start: u.Start(), Duration: u.End().Sub(u.Start()), Count: u.Count()}
		for _, g := range u.Groups() {
			q.DBTime += g.Duration()
			if g.Count() >= rec.min() {
				q.Duplicates = append(q.Duplicates, g)
			} else {
				q.Others = append(q.Others, g)
			}
		}
		dups += len(q.Duplicates)
		reqs[i] = q
	}
	var b bytes.Buffer
	if err := page.Execute(&b, struct {
		Requests   []request
		Duplicates int
		Min        int
	}{reqs, dups, rec.min()}); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(b.Bytes())
}

// shortFunction drops the directories of a function's package path
// ("example.com/app/blog.List.func1" → "blog.List.func1").
func shortFunction(name string) string { return name[strings.LastIndexByte(name, '/')+1:] }

// fmtDuration prints a duration to the microsecond.
func fmtDuration(d time.Duration) string { return d.Round(time.Microsecond).String() }
