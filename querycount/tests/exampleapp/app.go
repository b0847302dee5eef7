// Package exampleapp is a small GORM blog with a known N+1: its /posts
// page loads each post's author with a query of its own, /posts/preload
// is the same page fixed with Preload. The debug page's browser test and
// the README's demo run it.
package exampleapp

import (
	"fmt"
	"net/http"

	"gorm.io/gorm"

	"github.com/nplusonelint/nplusonelint/querycount/debughttp"
)

// Author writes posts.
type Author struct {
	ID   uint
	Name string
}

// Post is a blog post by an author.
type Post struct {
	ID       uint
	Title    string
	AuthorID uint
	Author   Author
}

// Handler serves the blog through rec's middleware, and rec's page at
// /debug/queries.
func Handler(db *gorm.DB, rec *debughttp.Recorder) http.Handler {
	app := http.NewServeMux()
	app.HandleFunc("/posts", func(w http.ResponseWriter, r *http.Request) {
		var posts []Post
		if err := db.WithContext(r.Context()).Find(&posts).Error; err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		for i := range posts {
			p := &posts[i]
			db.WithContext(r.Context()).First(&p.Author, p.AuthorID) // the N+1
		}
		list(w, posts)
	})
	app.HandleFunc("/posts/preload", func(w http.ResponseWriter, r *http.Request) {
		var posts []Post
		if err := db.WithContext(r.Context()).Preload("Author").Find(&posts).Error; err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		list(w, posts)
	})
	mux := http.NewServeMux()
	mux.Handle("/debug/queries", rec)
	mux.Handle("/favicon.ico", http.NotFoundHandler())
	mux.Handle("/", rec.Middleware(app))
	return mux
}

func list(w http.ResponseWriter, posts []Post) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	for _, p := range posts {
		fmt.Fprintf(w, "%s by %s\n", p.Title, p.Author.Name)
	}
}
