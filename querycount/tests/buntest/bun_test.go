package buntest

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/sqlitedialect"

	"github.com/nplusonelint/nplusonelint/querycount"
	"github.com/nplusonelint/nplusonelint/querycount/tests/internal/blogdb"
)

type Author struct {
	bun.BaseModel `bun:"table:authors"`
	ID            int64 `bun:",pk"`
	Name          string
}

type Post struct {
	bun.BaseModel `bun:"table:posts"`
	ID            int64 `bun:",pk"`
	Title         string
	AuthorID      int64
	Author        *Author `bun:"rel:belongs-to,join:author_id=id"`
}

func line() int {
	_, _, l, _ := runtime.Caller(1)
	return l + 1
}

var authorLine int

// titlesNPlusOne selects each post's author with a query of its own.
func titlesNPlusOne(ctx context.Context, db *bun.DB) []string {
	var posts []Post
	db.NewSelect().Model(&posts).Order("post.id").Scan(ctx)
	var out []string
	for _, p := range posts {
		a := new(Author)
		authorLine = line()
		db.NewSelect().Model(a).Where("id = ?", p.AuthorID).Scan(ctx)
		out = append(out, p.Title+" by "+a.Name)
	}
	return out
}

// titlesRelation is its fix: the authors with the posts, by Relation.
func titlesRelation(ctx context.Context, db *bun.DB) []string {
	var posts []Post
	db.NewSelect().Model(&posts).Relation("Author").Order("post.id").Scan(ctx)
	var out []string
	for _, p := range posts {
		out = append(out, p.Title+" by "+p.Author.Name)
	}
	return out
}

// bun runs on database/sql: the driver wrapper counts it, no adapter
// needed, and its frames are skipped for the call site.
func TestNPlusOneIsCaughtAndItsFixPasses(t *testing.T) {
	c := querycount.New()
	sqlDB, err := c.Open("sqlite", blogdb.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sqlDB.Close() })
	db := bun.NewDB(sqlDB, sqlitedialect.New())
	seed := func(n int) {
		if err := blogdb.Seed(sqlDB, n); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	rt := &blogdb.RecordingT{TB: t}
	c.ExpectConstant(rt, 2, 5, seed, func() { titlesNPlusOne(ctx, db) })
	if len(rt.Errors) != 1 {
		t.Fatalf("the N+1 gave %d failures, want 1: %q", len(rt.Errors), rt.Errors)
	}
	want := fmt.Sprintf("at buntest/bun_test.go:%d (bun: load the relation with the list: Relation(", authorLine)
	if !strings.Contains(rt.Errors[0], "2 → 5  SELECT") || !strings.Contains(rt.Errors[0], want) {
		t.Errorf("the failure lacks %q:\n%s", want, rt.Errors[0])
	}
	c.ExpectConstant(t, 2, 5, seed, func() { titlesRelation(ctx, db) })
	c.Expect(t, 1, func() { titlesRelation(ctx, db) }) // a belongs-to Relation is a JOIN
	if a, b := titlesNPlusOne(ctx, db), titlesRelation(ctx, db); fmt.Sprint(a) != fmt.Sprint(b) || len(a) != 5 {
		t.Errorf("the fix changed the result: %v, want %v", b, a)
	}
}
