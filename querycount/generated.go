package querycount

import (
	"bufio"
	"os"
	"strings"
	"sync"
)

// generatedFiles caches whether a source file is generated.
var generatedFiles sync.Map // file name → bool

// generated reports whether file is generated code (a "// Code generated
// … DO NOT EDIT." line before its package clause): the query methods ent,
// sqlc or gorm/gen write into the caller's module, whose frames a call
// site skips like a library's, so that it names the hand-written line. A
// file that cannot be read (a binary built with -trimpath, or run away
// from its sources) is taken as hand-written.
func generated(file string) bool {
	if v, ok := generatedFiles.Load(file); ok {
		return v.(bool)
	}
	g := readGenerated(file)
	generatedFiles.Store(file, g)
	return g
}

func readGenerated(file string) bool {
	f, err := os.Open(file)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "package ") {
			return false
		}
		if strings.HasPrefix(line, "// Code generated ") && strings.HasSuffix(line, " DO NOT EDIT.") {
			return true
		}
	}
	return false
}
