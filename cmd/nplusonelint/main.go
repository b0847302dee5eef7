// Command nplusonelint reports N+1 queries in Go database code.
//
// Standalone:
//
//	nplusonelint ./...
//	nplusonelint -fix ./...
//
// As a vet tool and a fix tool (Go 1.26):
//
//	go vet -vettool=/path/to/nplusonelint ./...
//	go fix -fixtool=/path/to/nplusonelint ./...
//
// Runs on package patterns go to package driver, which loads from source
// only the packages whose facts the analysis uses; the vet and fix
// protocols and the standard driver's own flags (-c, -debug, profiles) go
// to singlechecker.
package main

import (
	"fmt"
	"os"

	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/nplusonelint/nplusonelint/analyzer"
	"github.com/nplusonelint/nplusonelint/driver"
	"github.com/nplusonelint/nplusonelint/rules/libraries"
)

func main() {
	reg := libraries.Registry()
	a := analyzer.New(reg)
	action, opts, patterns, err := driver.ParseArgs(os.Args[1:], a)
	opts.Registry = reg
	if err != nil {
		fmt.Fprintln(os.Stderr, "nplusonelint:", err)
		os.Exit(driver.ExitUsage)
	}
	switch action {
	case driver.ShowHelp:
		fmt.Print(driver.Help())
	case driver.ShowVersion:
		fmt.Println(driver.VersionString())
	case driver.RunStandard, driver.VetProtocol:
		singlechecker.Main(a)
	default:
		os.Exit(driver.Run(a, patterns, opts))
	}
}
