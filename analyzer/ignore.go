package analyzer

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// ignoreDirective suppresses a diagnostic on its own line or the next one.
// It must say why: "//nplusone:ignore <reason>".
const ignoreDirective = "//nplusone:ignore"

// ignores holds the lines covered by ignore directives, per file.
type ignores struct {
	lines map[string]map[int]bool
}

// collectIgnores reads the directives of the package's files and reports
// the ones that give no reason (those suppress nothing).
func collectIgnores(pass *analysis.Pass) *ignores {
	ig := &ignores{lines: map[string]map[int]bool{}}
	for _, f := range pass.Files {
		for _, group := range f.Comments {
			for _, c := range group.List {
				if !strings.HasPrefix(c.Text, ignoreDirective) {
					continue
				}
				rest := strings.TrimPrefix(c.Text, ignoreDirective)
				if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
					continue // another directive sharing the prefix
				}
				if strings.TrimSpace(rest) == "" {
					pass.Report(analysis.Diagnostic{
						Pos:      c.Pos(),
						End:      c.End(),
						Category: "ignore-without-reason",
						Message:  "nplusone:ignore needs a reason: //nplusone:ignore <why this loop is not an N+1>",
					})
					continue
				}
				p := pass.Fset.Position(c.Pos())
				if ig.lines[p.Filename] == nil {
					ig.lines[p.Filename] = map[int]bool{}
				}
				ig.lines[p.Filename][p.Line] = true
			}
		}
	}
	return ig
}

// covers reports whether a directive on pos's line or the line above
// suppresses a diagnostic at pos.
func (ig *ignores) covers(p token.Position) bool {
	lines := ig.lines[p.Filename]
	return lines[p.Line] || lines[p.Line-1]
}

// isTestFile reports whether pos is in a _test.go file: fixtures written
// row by row in tests cost no production page load.
func isTestFile(pass *analysis.Pass, pos token.Pos) bool {
	return strings.HasSuffix(pass.Fset.Position(pos).Filename, "_test.go")
}

// isGenerated reports whether the file holding pos is generated code, in
// which nothing is reported (its summaries still serve its callers).
func isGenerated(pass *analysis.Pass, pos token.Pos) bool {
	f := fileOf(pass, pos)
	return f != nil && ast.IsGenerated(f)
}
