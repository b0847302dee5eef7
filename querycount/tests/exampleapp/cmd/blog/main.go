// Command blog serves the example blog on an embedded SQLite, its
// statements counted: open /posts, then /debug/queries.
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"path/filepath"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/nplusonelint/nplusonelint/querycount/debughttp"
	"github.com/nplusonelint/nplusonelint/querycount/gormcount"
	"github.com/nplusonelint/nplusonelint/querycount/tests/exampleapp"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	posts := flag.Int("posts", 5, "posts to seed")
	flag.Parse()
	dir, err := os.MkdirTemp("", "blog")
	if err != nil {
		log.Fatal(err)
	}
	db, err := gorm.Open(sqlite.Open(filepath.Join(dir, "blog.db")), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		log.Fatal(err)
	}
	if err := exampleapp.Seed(db, *posts); err != nil {
		log.Fatal(err)
	}
	gormcount.Attach(db)
	fmt.Printf("http://%s/posts, then http://%s/debug/queries\n", *addr, *addr)
	log.Fatal(http.ListenAndServe(*addr, exampleapp.Handler(db, &debughttp.Recorder{})))
}
