package fixes

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Source returns the text of the file holding pos.
func (s Site) Source(pos token.Pos) ([]byte, *token.File) {
	tf := s.Pass.Fset.File(pos)
	if tf == nil {
		return nil, nil
	}
	src, err := s.Pass.ReadFile(tf.Name())
	if err != nil || len(src) != tf.Size() {
		return nil, nil
	}
	return src, tf
}

// Text returns n's source text, or "" when the file cannot be read.
func (s Site) Text(n ast.Node) string {
	src, tf := s.Source(n.Pos())
	if src == nil {
		return ""
	}
	return string(src[tf.Offset(n.Pos()):tf.Offset(n.End())])
}

// Indent returns the white space starting the line holding pos.
func (s Site) Indent(pos token.Pos) string {
	src, tf := s.Source(pos)
	if src == nil {
		return ""
	}
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	end := start
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	return string(src[start:end])
}

// Removal returns the edit deleting stmt: its whole lines, with their line
// break and a trailing comment, when nothing else is on them; else the
// statement alone.
func (s Site) Removal(stmt ast.Stmt) analysis.TextEdit {
	src, tf := s.Source(stmt.Pos())
	from, to := stmt.Pos(), stmt.End()
	if src == nil {
		return analysis.TextEdit{Pos: from, End: to}
	}
	start := tf.Offset(tf.LineStart(tf.Line(from)))
	end := tf.Offset(to)
	if strings.TrimSpace(string(src[start:tf.Offset(from)])) != "" {
		return analysis.TextEdit{Pos: from, End: to}
	}
	rest := end
	for rest < len(src) && (src[rest] == ' ' || src[rest] == '\t') {
		rest++
	}
	if rest+1 < len(src) && src[rest] == '/' && src[rest+1] == '/' {
		for rest < len(src) && src[rest] != '\n' {
			rest++
		}
	}
	if rest < len(src) && src[rest] == '\n' {
		return analysis.TextEdit{Pos: tf.Pos(start), End: tf.Pos(rest + 1)}
	}
	return analysis.TextEdit{Pos: from, End: to}
}
