package databasesql

import (
	"regexp"
	"strings"
)

// keyEquals matches one comparison of a column with a placeholder:
// post_id = ?, p.author_id = $1, id = :id, id = @p1.
var keyEquals = regexp.MustCompile(`(?i)\b([a-z_][\w.]*)\s*=\s*(\?|\$\d+|:\w+|@\w+)`)

// selectList matches the columns a SELECT returns, up to its FROM.
var selectList = regexp.MustCompile(`(?is)^\s*SELECT\s+(.*?)\s+FROM\b`)

// Batched rewrites a statement comparing exactly one column with a
// placeholder into the statement over all keys: "= ANY($n)" for a
// numbered placeholder (PostgreSQL, a slice argument), "IN (?)" otherwise
// (expanded by sqlx.In, or one placeholder per key). A SELECT also
// returns the key, to match the rows to the elements. It returns the key
// column and the statement, or "" when the text has no such comparison
// or more than one.
func Batched(text string) (key, stmt string) {
	m := keyEquals.FindAllStringSubmatchIndex(text, -1)
	if len(m) != 1 || !strings.Contains(strings.ToUpper(text[:m[0][0]]), "WHERE") {
		return "", ""
	}
	col, ph := text[m[0][2]:m[0][3]], text[m[0][4]:m[0][5]]
	in := col + " IN (?)"
	if strings.HasPrefix(ph, "$") {
		in = col + " = ANY(" + ph + ")"
	}
	stmt = text[:m[0][0]] + in + text[m[0][1]:]
	if sel := selectList.FindStringSubmatchIndex(stmt); sel != nil {
		cols := stmt[sel[2]:sel[3]]
		bare := col[strings.LastIndex(col, ".")+1:]
		if !regexp.MustCompile(`(?i)(^|[\s,.])`+regexp.QuoteMeta(bare)+`\s*(,|$)`).MatchString(cols) && cols != "*" {
			stmt = stmt[:sel[2]] + col + ", " + stmt[sel[2]:]
		}
	}
	return col, strings.Join(strings.Fields(stmt), " ")
}

// ReadAdvice is the advice for a read per element with SQL text text
// ("" unknown); how says how to bind the keys, "" for database/sql's
// own words.
func ReadAdvice(text, how string) string {
	if how == "" {
		how = "a slice for = ANY($1) on PostgreSQL, one placeholder per key for IN"
	}
	if _, stmt := Batched(text); stmt != "" {
		return "collect the keys and run one query for all of them: " + stmt + " (" + how + ")"
	}
	return "collect the keys and run one query for all of them (WHERE key IN (…), or = ANY($1) with a slice on PostgreSQL)"
}

// CountAdvice is the advice for a count per element.
func CountAdvice(text string) string {
	if key, stmt := Batched(text); stmt != "" && !strings.Contains(strings.ToUpper(stmt), "GROUP BY") {
		return "collect the keys and count them all in one grouped query: " + stmt + " GROUP BY " + key
	}
	return "collect the keys and count them all in one grouped query: SELECT key, COUNT(*) … WHERE key IN (…) GROUP BY key"
}

// ExecAdvice is the advice for a statement per element.
func ExecAdvice(text string) string {
	upper := strings.ToUpper(strings.TrimSpace(text))
	if !strings.HasPrefix(upper, "INSERT") {
		if _, stmt := Batched(text); stmt != "" {
			return "collect the keys and run one statement for all of them: " + stmt
		}
	}
	return "write all rows with one statement (a multi-row INSERT … VALUES, or UPDATE/DELETE … WHERE key IN (…)) inside one transaction"
}
