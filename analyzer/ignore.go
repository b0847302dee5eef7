package analyzer

import (
	"go/ast"
	"go/token"
	"strings"
	"unicode"

	"github.com/nplusonelint/nplusonelint/rules"
	"golang.org/x/tools/go/analysis"
)

// ignoreDirective suppresses a diagnostic on its own line or the next one.
// It must say why: "//nplusone:ignore <reason>".
const ignoreDirective = "//nplusone:ignore"

// The rule IDs of directives that suppress nothing.
const (
	noReasonRule  = "ignore-without-reason"
	malformedRule = "malformed-directive"
	unusedRule    = "unused-ignore"
)

// ignores holds the lines covered by ignore directives, per file, and
// which directives suppressed a diagnostic.
type ignores struct {
	lines      map[string]map[int]bool
	directives []*ast.Comment
	used       map[string]map[int]bool // file, directive line
}

// collectIgnores reads the directives of the package's files and reports
// the ones that give no reason and the ones that almost match (both
// suppress nothing).
func collectIgnores(pass *analysis.Pass) *ignores {
	ig := &ignores{lines: map[string]map[int]bool{}, used: map[string]map[int]bool{}}
	for _, f := range pass.Files {
		for _, group := range f.Comments {
			for _, c := range group.List {
				rest, ok := strings.CutPrefix(c.Text, ignoreDirective)
				if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
					if msg := nearMiss(c.Text); msg != "" {
						pass.Report(analysis.Diagnostic{Pos: c.Pos(), End: c.End(), Category: malformedRule, Message: msg, URL: rules.RuleURL(malformedRule)})
					}
					continue
				}
				if strings.TrimSpace(rest) == "" {
					pass.Report(analysis.Diagnostic{
						Pos:      c.Pos(),
						End:      c.End(),
						Category: noReasonRule,
						Message:  "nplusone:ignore needs a reason: //nplusone:ignore <why this loop is not an N+1>",
						URL:      rules.RuleURL(noReasonRule),
					})
					continue
				}
				p := pass.Fset.Position(c.Pos())
				if ig.lines[p.Filename] == nil {
					ig.lines[p.Filename] = map[int]bool{}
				}
				ig.lines[p.Filename][p.Line] = true
				ig.directives = append(ig.directives, c)
			}
		}
	}
	return ig
}

// nearMiss describes what is wrong with a comment that looks like an
// ignore directive but is not one ("// nplusone:ignore", a misspelt name,
// "//nplusone ignore", an unknown "//nplusone:" directive), or returns "".
// Prose that mentions the tool ("// nplusone ignores …") is left alone: a
// near miss has the directive's shape (name:word, or no space after //).
func nearMiss(text string) string {
	const want = "write //nplusone:ignore <reason>, with no space after // and nothing between ignore and the reason; this one suppresses nothing"
	body, ok := strings.CutPrefix(text, "//")
	if !ok {
		body = strings.TrimSuffix(strings.TrimPrefix(text, "/*"), "*/")
	}
	spaced := body != strings.TrimLeft(body, " \t")
	word, after, _ := strings.Cut(strings.TrimSpace(body), " ")
	ns, name, colon := strings.Cut(word, ":")
	if colon && name == "" { // "// nplusone: ignore"
		name, _, _ = strings.Cut(strings.TrimSpace(after), " ")
	}
	if i := strings.IndexFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }); i >= 0 {
		name = name[:i] // "ignore-next", "ignore,reason"
	}
	if !colon {
		// "//nplusone ignore", "//nplusone-ignore", "//nplusoneignore".
		if spaced || ok && strings.HasPrefix(text, "//go:") {
			return ""
		}
		fields := strings.FieldsFunc(strings.ToLower(strings.TrimSpace(body)), func(r rune) bool { return r == ' ' || r == '-' || r == '_' || r == '\t' })
		switch {
		case len(fields) > 0 && toolName(fields[0]) && len(fields) > 1 && closeTo(fields[1], "ignore"):
		case len(fields) > 0 && strings.HasSuffix(fields[0], "ignore") && toolName(strings.TrimSuffix(fields[0], "ignore")):
		default:
			return ""
		}
		return "malformed directive " + strings.TrimSpace(text) + ": " + want
	}
	switch {
	case !toolName(strings.ToLower(ns)):
		return ""
	case closeTo(strings.ToLower(name), "ignore"):
		return "malformed directive " + ns + ":" + name + ": " + want
	case ns == "nplusone" && !spaced:
		return "unknown directive //nplusone:" + name + ": the only one is //nplusone:ignore <reason>; this one does nothing"
	}
	return ""
}

// toolName reports whether s names this tool, misspelt or not.
func toolName(s string) bool {
	return s == "nplus1" || s == "n+1" || s == "nplus-one" || closeTo(s, "nplusone")
}

// closeTo reports whether s is within two edits (insertions, deletions,
// substitutions, transpositions) of w.
func closeTo(s, w string) bool {
	a, b := []rune(s), []rune(w)
	if d := len(a) - len(b); d > 2 || d < -2 {
		return false
	}
	// Optimal string alignment distance.
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range b {
		d[0][j+1] = j + 1
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)] <= 2
}

// covers reports whether a directive on pos's line or the line above
// suppresses a diagnostic at pos, and records that it did.
func (ig *ignores) covers(p token.Position) bool {
	lines := ig.lines[p.Filename]
	for _, l := range []int{p.Line, p.Line - 1} {
		if lines[l] {
			if ig.used[p.Filename] == nil {
				ig.used[p.Filename] = map[int]bool{}
			}
			ig.used[p.Filename][l] = true
			return true
		}
	}
	return false
}

// reportUnused reports the directives that suppressed no diagnostic of
// the package, once every check has run (silenced asks covers before
// each report). Directives in files where nothing is reported (generated
// and test files) are left alone.
func (ig *ignores) reportUnused(c *checks) {
	for _, d := range ig.directives {
		p := c.pass.Fset.Position(d.Pos())
		if ig.used[p.Filename][p.Line] || c.generated[fileOf(c.pass, d.Pos())] || isTestFile(c.pass, d.Pos()) {
			continue
		}
		c.pass.Report(analysis.Diagnostic{
			Pos:      d.Pos(),
			End:      d.End(),
			Category: unusedRule,
			Message:  "unused //nplusone:ignore: nothing is reported on this line or the next; remove the directive",
			URL:      rules.RuleURL(unusedRule),
		})
	}
}

// isTestFile reports whether pos is in a _test.go file: fixtures written
// row by row in tests cost no production page load.
func isTestFile(pass *analysis.Pass, pos token.Pos) bool {
	return strings.HasSuffix(pass.Fset.Position(pos).Filename, "_test.go")
}

// isGenerated reports whether f is generated code, in
// which nothing is reported (its summaries still serve its callers). The
// files cmd/cgo rewrites say "Code generated" too, but they are the user's.
func isGenerated(f *ast.File) bool {
	if !ast.IsGenerated(f) {
		return false
	}
	for _, group := range f.Comments {
		if group.Pos() > f.Package {
			break
		}
		for _, c := range group.List {
			if c.Text == "// Code generated by cmd/cgo; DO NOT EDIT." {
				return false
			}
		}
	}
	return true
}
