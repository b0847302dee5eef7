package driver

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// edit replaces the bytes [start, end) of a file.
type edit struct {
	start, end int
	text       string
}

// fileFix is what the fixes do to one file.
type fileFix struct {
	name  string // as the file set names it
	old   []byte
	edits []edit
	diags []int // indexes of the diagnostics whose fix edits this file
}

// applyFixes applies the first suggested fix of each diagnostic whose
// edits do not overlap another's and touch no generated file, formats the
// files it changes and writes them (or, with diff, prints a unified diff
// and writes nothing). It returns the diagnostics left unfixed. Either
// every changed file is written or none is.
func applyFixes(diags []diagnostic, diff bool, stdout io.Writer) ([]diagnostic, error) {
	files := map[string]*fileFix{}
	var order []string
	fixed := make([]bool, len(diags))
	var firstErr error
	for i, d := range diags {
		if len(d.SuggestedFixes) == 0 {
			continue
		}
		byFile, err := fixEdits(d, files)
		if err != nil {
			firstErr = cmpErr(firstErr, err)
			continue
		}
		if byFile == nil || conflicts(byFile, files) {
			continue
		}
		for name, edits := range byFile {
			ff := files[name]
			for _, e := range edits {
				if !slices.Contains(ff.edits, e) {
					ff.edits = append(ff.edits, e)
				}
			}
			if len(ff.diags) == 0 {
				order = append(order, name)
			}
			ff.diags = append(ff.diags, i)
		}
		fixed[i] = true
	}
	slices.Sort(order)
	var changed []*fileFix
	contents := map[string][]byte{}
	for _, name := range order {
		ff := files[name]
		out, err := ff.apply()
		if err != nil { // the fixes together do not parse: leave the file alone
			firstErr = cmpErr(firstErr, fmt.Errorf("%s: fixes not applied: %v", name, err))
			for _, i := range ff.diags {
				fixed[i] = false
			}
			continue
		}
		contents[name] = out
		changed = append(changed, ff)
	}
	// A diagnostic is fixed when all the files its fix edits are.
	for _, ff := range changed {
		for _, i := range ff.diags {
			if !fixed[i] {
				delete(contents, ff.name)
			}
		}
	}
	if diff {
		for _, name := range order {
			if out, ok := contents[name]; ok {
				io.WriteString(stdout, unified(name, files[name].old, out))
			}
		}
	} else if err := writeAll(contents); err != nil {
		return diags, err
	}
	var left []diagnostic
	for i, d := range diags {
		if !fixed[i] || !fixWritten(d, contents) {
			left = append(left, d)
		}
	}
	return left, firstErr
}

// fixWritten reports whether every file d's fix edits is in contents.
func fixWritten(d diagnostic, contents map[string][]byte) bool {
	fset := d.act.Package.Fset
	for _, e := range d.SuggestedFixes[0].TextEdits {
		if _, ok := contents[fset.File(e.Pos).Name()]; !ok {
			return false
		}
	}
	return true
}

func cmpErr(first, err error) error {
	if first != nil {
		return first
	}
	return err
}

// fixEdits returns the edits of d's first fix by file, reading each file
// the first time; nil when the fix edits a generated file.
func fixEdits(d diagnostic, files map[string]*fileFix) (map[string][]edit, error) {
	fset := d.act.Package.Fset
	byFile := map[string][]edit{}
	for _, e := range d.SuggestedFixes[0].TextEdits {
		tf := fset.File(e.Pos)
		if tf == nil {
			return nil, fmt.Errorf("a fix of %s edits no file", fset.Position(d.Pos))
		}
		name := tf.Name()
		if generated(d, name) {
			return nil, nil
		}
		if files[name] == nil {
			old, err := os.ReadFile(name)
			if err != nil {
				return nil, err
			}
			if len(old) != tf.Size() {
				return nil, fmt.Errorf("%s changed since it was analyzed: run again", name)
			}
			files[name] = &fileFix{name: name, old: old}
		}
		end := e.End
		if !end.IsValid() {
			end = e.Pos
		}
		byFile[name] = append(byFile[name], edit{tf.Offset(e.Pos), tf.Offset(end), string(e.NewText)})
	}
	return byFile, nil
}

// generated reports whether the file name of d's package is generated.
func generated(d diagnostic, name string) bool {
	for _, f := range d.act.Package.Syntax {
		if d.act.Package.Fset.File(f.FileStart).Name() == name {
			return ast.IsGenerated(f)
		}
	}
	return false
}

// conflicts reports whether any of the edits overlaps an edit already
// accepted for its file (an identical edit does not: test variants and
// several diagnostics may share one).
func conflicts(byFile map[string][]edit, files map[string]*fileFix) bool {
	for name, edits := range byFile {
		all := append(slices.Clone(files[name].edits), edits...)
		slices.SortFunc(all, func(a, b edit) int { return a.start - b.start })
		all = slices.Compact(all)
		for i := 1; i < len(all); i++ {
			if all[i].start < all[i-1].end || all[i].start == all[i-1].start {
				return true
			}
		}
	}
	return false
}

// apply returns the file with its edits applied, gofmt-formatted when the
// file was: a file kept in another layout keeps it outside the edits.
func (ff *fileFix) apply() ([]byte, error) {
	edits := slices.Clone(ff.edits)
	slices.SortFunc(edits, func(a, b edit) int { return a.start - b.start })
	var buf bytes.Buffer
	at := 0
	for _, e := range edits {
		buf.Write(ff.old[at:e.start])
		buf.WriteString(e.text)
		at = e.end
	}
	buf.Write(ff.old[at:])
	out, err := format.Source(buf.Bytes())
	if err != nil {
		return nil, err
	}
	if formatted, err := format.Source(ff.old); err == nil && !bytes.Equal(formatted, ff.old) {
		return buf.Bytes(), nil
	}
	return out, nil
}

// writeAll writes every file or none: each new content goes to a
// temporary file beside the original first, and only when all of them
// are written are they renamed over the originals. A file that cannot be
// written (read-only, say) stops everything before the first rename.
func writeAll(contents map[string][]byte) error {
	type pending struct{ tmp, target string }
	var done []pending
	cleanup := func() {
		for _, p := range done {
			os.Remove(p.tmp)
		}
	}
	names := make([]string, 0, len(contents))
	for name := range contents {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		target, err := filepath.EvalSymlinks(name)
		if err != nil {
			cleanup()
			return err
		}
		info, err := os.Stat(target)
		if err != nil {
			cleanup()
			return err
		}
		if info.Mode().Perm()&0o200 == 0 {
			cleanup()
			return fmt.Errorf("cannot write %s: the file is read-only; no file changed", name)
		}
		if f, err := os.OpenFile(target, os.O_WRONLY, 0); err != nil {
			cleanup()
			return fmt.Errorf("cannot write %s: %v; no file changed", name, unwrapPath(err))
		} else {
			f.Close()
		}
		tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".nplusonelint-*")
		if err != nil {
			cleanup()
			return fmt.Errorf("cannot write %s: %v; no file changed", name, unwrapPath(err))
		}
		done = append(done, pending{tmp.Name(), target})
		_, err = tmp.Write(contents[name])
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Chmod(tmp.Name(), info.Mode().Perm())
		}
		if err != nil {
			cleanup()
			return fmt.Errorf("cannot write %s: %v; no file changed", name, unwrapPath(err))
		}
	}
	for i, p := range done {
		if err := os.Rename(p.tmp, p.target); err != nil {
			cleanup()
			return fmt.Errorf("cannot replace %s: %v; %d of %d files changed", p.target, unwrapPath(err), i, len(done))
		}
	}
	return nil
}

// unwrapPath drops the operation and path of an *os.PathError, which the
// message names already.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// lines splits text into lines, each with its newline.
func lines(text []byte) []string {
	s := string(text)
	if s == "" {
		return nil
	}
	out := strings.SplitAfter(s, "\n")
	if out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}
