// Command nplusonelint reports N+1 queries in Go database code.
//
// Standalone:
//
//	nplusonelint ./...
//	nplusonelint -fix ./...
//
// As a vet tool and a fix tool (Go 1.26):
//
//	go vet -vettool=$(which nplusonelint) ./...
//	go fix -fixtool=$(which nplusonelint) ./...
//
// Plain runs (package patterns, -json, -test) load only the packages that
// can matter from source (see package driver); everything else — fixes,
// diffs, the vet and fix protocols — goes through singlechecker.
package main

import (
	"os"

	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/nplusonelint/nplusonelint/analyzer"
	"github.com/nplusonelint/nplusonelint/driver"
)

func main() {
	if opts, patterns, ok := driver.ParseArgs(os.Args[1:]); ok {
		os.Exit(driver.Run(analyzer.Analyzer, patterns, opts))
	}
	singlechecker.Main(analyzer.Analyzer)
}
