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
package main

import (
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/nplusonelint/nplusonelint/analyzer"
)

func main() { singlechecker.Main(analyzer.Analyzer) }
