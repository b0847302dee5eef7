package querycount_test

import (
	"strings"
	"testing"

	"github.com/nplusonelint/nplusonelint/querycount"
)

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"SELECT * FROM `authors` WHERE `authors`.`id` = 3 LIMIT 1", "SELECT * FROM `authors` WHERE `authors`.`id` = ? LIMIT ?"},
		{"SELECT * FROM authors WHERE id = $1", "SELECT * FROM authors WHERE id = ?"},
		{"SELECT * FROM authors WHERE id = ?", "SELECT * FROM authors WHERE id = ?"},
		{"select name from t where name = 'O''Brien' and x = :x and y = @p2", "select name from t where name = ? and x = ? and y = ?"},
		{"SELECT * FROM t WHERE id IN (1, 2, 3)", "SELECT * FROM t WHERE id IN (…)"},
		{"SELECT * FROM t WHERE id in ($1,$2)", "SELECT * FROM t WHERE id in (…)"},
		{"SELECT * FROM t WHERE id IN (?)", "SELECT * FROM t WHERE id IN (…)"},
		{"SELECT * FROM t WHERE id IN (SELECT id FROM u WHERE v = 4)", "SELECT * FROM t WHERE id IN (SELECT id FROM u WHERE v = ?)"},
		{"SELECT  a,\n\tb FROM t2 WHERE x = 1.5e3", "SELECT a, b FROM t2 WHERE x = ?"},
		{`SELECT "col1" FROM "t1" WHERE a::text = 'x'`, `SELECT "col1" FROM "t1" WHERE a::text = ?`},
		{"INSERT INTO t (a, b) VALUES (1, 'x')", "INSERT INTO t (a, b) VALUES (?, ?)"},
		{"SELECT * FROM t WHERE login IN ('a','b')", "SELECT * FROM t WHERE login IN (…)"},
		{"SELECT * FROM t WHERE id = ?1", "SELECT * FROM t WHERE id = ?"},
	} {
		if got := querycount.Normalize(tc.in); got != tc.want {
			t.Errorf("Normalize(%q)\n = %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestAdviceFollowsTheStatement(t *testing.T) {
	gorm := querycount.Libraries[0]
	for _, tc := range []struct {
		sql  string
		lib  *querycount.Library
		want string
	}{
		{"SELECT * FROM authors WHERE id = ?", gorm, "Preload("},
		{"SELECT count(*) FROM likes WHERE post_id = ?", gorm, "GROUP BY key"},
		{"select COUNT(1) from likes where post_id = ?", nil, "GROUP BY key"},
		{"INSERT INTO tags (name) VALUES (?)", gorm, "CreateInBatches"},
		{"INSERT INTO tags (name) VALUES (?)", &querycount.Library{Name: "x"}, "multi-row INSERT"},
		{"UPDATE posts SET views = ? WHERE id = ?", gorm, "WHERE id IN"},
		{"SELECT * FROM authors WHERE id = ?", nil, ""},
	} {
		g := querycount.Group{SQL: tc.sql, Library: tc.lib}
		if got := g.Advice(); tc.want == "" && got != "" || !strings.Contains(got, tc.want) {
			t.Errorf("advice for %q: %q, want %q in it", tc.sql, got, tc.want)
		}
	}
}
