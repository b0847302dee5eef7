package querycount

import (
	"fmt"
	"path/filepath"
	"runtime"
)

// stackDepth is how many frames a statement keeps to find its call site:
// enough for a query run through an ORM's callbacks, database/sql and a
// driver wrapper.
const stackDepth = 48

// A Frame is a statement's call site: the innermost frame of the caller's
// hand-written code, below the frames of database/sql, the data
// libraries, generated code, this module and the runtime.
type Frame struct {
	Function string
	File     string
	Line     int
}

// String returns the site as dir/file.go:line, or "?" when the whole
// stack was library code.
func (f Frame) String() string {
	if f.File == "" {
		return "?"
	}
	return fmt.Sprintf("%s:%d", filepath.Join(filepath.Base(filepath.Dir(f.File)), filepath.Base(f.File)), f.Line)
}

// site is a resolved stack: the call site and the library that ran the
// statement (the outermost library frame above the call site).
type site struct {
	caller  Frame
	library *Library
}

// resolve finds the call site of a captured stack.
func resolve(pcs []uintptr) site {
	var s site
	frames := runtime.CallersFrames(pcs)
	for {
		f, more := frames.Next()
		lib, skip := libraryOf(f.Function)
		if !skip && !generated(f.File) {
			s.caller = Frame{Function: f.Function, File: f.File, Line: f.Line}
			return s
		}
		if lib != nil {
			s.library = lib
		}
		if !more {
			return s
		}
	}
}
