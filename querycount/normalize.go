package querycount

import (
	"strings"
)

// Normalize folds what varies between runs of one statement: string and
// number literals and placeholders ($1, ?, :name, @p1) become ?, lists of
// them after IN become (…), and runs of white space one space. Quoted
// identifiers ("users", `users`) and comments' absence are kept as they
// are: two statements normalise alike when they differ only in values.
func Normalize(sql string) string {
	var b strings.Builder
	b.Grow(len(sql))
	space := false
	for i := 0; i < len(sql); {
		c := sql[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			space = true
			i++
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		switch {
		case c == '\'':
			i = skipQuoted(sql, i)
			b.WriteByte('?')
		case c == '"' || c == '`':
			j := skipQuoted(sql, i)
			b.WriteString(sql[i:j])
			i = j
		case c == '?':
			i++
			for i < len(sql) && isDigit(sql[i]) {
				i++
			}
			b.WriteByte('?')
		case (c == '$' || c == ':' || c == '@') && i+1 < len(sql) && isWordByte(sql[i+1]) && !(c == ':' && i > 0 && sql[i-1] == ':'):
			i++
			for i < len(sql) && isWordByte(sql[i]) {
				i++
			}
			b.WriteByte('?')
		case isDigit(c) && (i == 0 || !isWordByte(sql[i-1])):
			for i < len(sql) && (isWordByte(sql[i]) || sql[i] == '.') {
				i++
			}
			b.WriteByte('?')
		case c == '(' && endsWithIN(b.String()):
			if j, ok := valueList(sql, i); ok {
				b.WriteString("(…)")
				i = j
				continue
			}
			b.WriteByte(c)
			i++
		case isWordByte(c):
			j := i
			for j < len(sql) && isWordByte(sql[j]) {
				j++
			}
			b.WriteString(sql[i:j])
			i = j
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// skipQuoted returns the index after the quoted text starting at i; a
// doubled quote inside it is an escaped one.
func skipQuoted(sql string, i int) int {
	q := sql[i]
	for j := i + 1; j < len(sql); j++ {
		if sql[j] == '\\' && q == '\'' {
			j++
			continue
		}
		if sql[j] == q {
			if j+1 < len(sql) && sql[j+1] == q {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(sql)
}

// valueList returns the index after the parenthesised list at i when it
// holds only literals and placeholders.
func valueList(sql string, i int) (int, bool) {
	inner := Normalize(sql[i+1 : closing(sql, i)])
	if inner == "" {
		return 0, false
	}
	for _, item := range strings.Split(inner, ",") {
		if strings.TrimSpace(item) != "?" {
			return 0, false
		}
	}
	return closing(sql, i) + 1, true
}

// closing returns the index of the parenthesis closing the one at i, or
// the end of sql.
func closing(sql string, i int) int {
	depth := 0
	for j := i; j < len(sql); j++ {
		switch sql[j] {
		case '\'', '"', '`':
			j = skipQuoted(sql, j) - 1
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return len(sql) - 1
}

// endsWithIN reports whether the normalised text so far ends with the
// keyword IN (in any case), before which a list is folded.
func endsWithIN(s string) bool {
	s = strings.TrimRight(s, " ")
	if len(s) < 2 || !strings.EqualFold(s[len(s)-2:], "in") {
		return false
	}
	return len(s) == 2 || !isWordByte(s[len(s)-3])
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isWordByte(c byte) bool {
	return c == '_' || isDigit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}
