// Package structtag reads the struct-tag dialect that bun and go-pg share
// (bun's tags descend from go-pg's): a column name, then options, some
// with a value (`bun:"author_id,notnull"`, `pg:"rel:has-one,join_fk:x"`),
// and their common column naming.
package structtag

import "strings"

// Parse splits a tag's value into the column name and its options:
// "author_id,notnull" → author_id, {notnull: ""}; "rel:belongs-to,join:a=b"
// → "", {rel: belongs-to, join: a=b}.
func Parse(tag string) (string, map[string]string) {
	opts := map[string]string{}
	name := ""
	for i, part := range strings.Split(tag, ",") {
		k, v, hasValue := strings.Cut(part, ":")
		if i == 0 && !hasValue {
			name = part
			continue
		}
		opts[k] = v
	}
	return name, opts
}

// Underscore is the column naming of bun's and go-pg's internal.Underscore:
// AuthorID → author_id.
func Underscore(s string) string {
	r := make([]byte, 0, len(s)+5)
	isUpper := func(c byte) bool { return c >= 'A' && c <= 'Z' }
	isLower := func(c byte) bool { return c >= 'a' && c <= 'z' }
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isUpper(c) {
			if i > 0 && i+1 < len(s) && (isLower(s[i-1]) || isLower(s[i+1])) {
				r = append(r, '_', c+32)
			} else {
				r = append(r, c+32)
			}
		} else {
			r = append(r, c)
		}
	}
	return string(r)
}
