package databasesql

import (
	"go/ast"
	"go/token"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// existsAdvice is the advice of a count compared to zero on SQL text.
const existsAdvice = "ask whether a row exists instead: SELECT CASE WHEN EXISTS (SELECT 1 FROM … WHERE …) THEN 1 ELSE 0 END stops at the first row"

// countAll matches a statement counting all its rows: SELECT COUNT(*)
// or COUNT(1), then FROM.
var countAll = regexp.MustCompile(`(?is)^(\s*)SELECT\s+COUNT\s*\(\s*(\*|1)\s*\)\s+FROM\s`)

// countChanging matches what changes what a one-row count means, or
// what an EXISTS around the rest would not keep.
var countChanging = regexp.MustCompile(`(?i)\b(GROUP\s+BY|HAVING|UNION|INTERSECT|EXCEPT|LIMIT|OFFSET|FETCH|ORDER\s+BY|COUNT\s*\(|WINDOW)\b|;`)

// ExistsText rewrites SELECT COUNT(*) FROM rest into SELECT CASE WHEN
// EXISTS (SELECT 1 FROM rest) THEN 1 ELSE 0 END: one row, 1 when a row
// matches and 0 when none does, on every SQL database, so the integer it
// is scanned into compares with zero as the count did. It returns false
// when rest counts anything else (groups, limits, unions, subcounts).
func ExistsText(text string) (string, bool) {
	m := countAll.FindStringSubmatchIndex(text)
	if m == nil || countChanging.MatchString(text[m[1]:]) {
		return "", false
	}
	rest := strings.TrimRight(text[m[1]:], " \t\r\n")
	trail := text[m[1]+len(rest):]
	return text[:m[3]] + "SELECT CASE WHEN EXISTS (SELECT 1 FROM " + rest + ") THEN 1 ELSE 0 END" + trail, true
}

// ExistsRemedy is the remedy of a count on SQL text compared to zero: the
// EXISTS rewrite of the text when it is a string literal written in the
// call, otherwise advice.
func ExistsRemedy(s fixes.CountSite) rules.Remedy {
	r := rules.Remedy{Advice: existsAdvice}
	lit, ok := ast.Unparen(s.SQL).(*ast.BasicLit)
	if s.SQL == nil || !ok || lit.Kind != token.STRING {
		return r
	}
	text, err := strconv.Unquote(lit.Value)
	if err != nil {
		return r
	}
	out, ok := ExistsText(text)
	if !ok {
		return r
	}
	quoted := strconv.Quote(out)
	if lit.Value[0] == '`' && !strings.Contains(out, "`") {
		quoted = "`" + out + "`"
	}
	r.Fix = &analysis.SuggestedFix{
		Message:   "ask whether a row exists instead of counting them all",
		TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(quoted)}},
	}
	return r
}
