package buntest

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	_ "github.com/glebarez/go-sqlite"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/sqlitedialect"

	"github.com/nplusonelint/nplusonelint/querycount"
)

// open returns a bun DB on a fresh in-memory SQLite holding n posts, each
// with an author and two comments, and the counter of its statements.
func open(t *testing.T, n int) (*bun.DB, *querycount.Counter) {
	t.Helper()
	c := querycount.New()
	sqldb, err := c.Open("sqlite", fmt.Sprintf("file:bun%d?mode=memory&cache=shared", n))
	if err != nil {
		t.Fatal(err)
	}
	sqldb.SetMaxOpenConns(1)
	db := bun.NewDB(sqldb, sqlitedialect.New())
	t.Cleanup(func() { db.Close() })
	ctx := context.Background()
	for _, m := range []any{(*User)(nil), (*Post)(nil), (*Comment)(nil)} {
		if _, err := db.NewCreateTable().Model(m).Exec(ctx); err != nil {
			t.Fatal(err)
		}
	}
	for i := range n {
		u := &User{Name: fmt.Sprint("author", i)}
		if _, err := db.NewInsert().Model(u).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		p := &Post{AuthorID: u.ID, EditorID: u.ID, Title: fmt.Sprint("post", i)}
		if _, err := db.NewInsert().Model(p).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		cs := []Comment{{PostID: p.ID, Body: "a"}, {PostID: p.ID, Body: "b"}}
		if _, err := db.NewInsert().Model(&cs).Exec(ctx); err != nil {
			t.Fatal(err)
		}
	}
	return db, c
}

// The N+1s the analyzer reports in bun code (testdata/bun) and the
// Relation its advice names (for the has-many read, the code -fix writes,
// testdata/bun/fixrel/fix.go.golden, with an order added to compare the
// rows): one statement per post before, a constant number after, the
// same results.
func TestRelationRemovesQueries(t *testing.T) {
	ctx := context.Background()
	scenarios := []struct {
		name          string
		before, after func(db *bun.DB) ([]string, error)
	}{
		{
			name: "belongs-to read per post",
			before: func(db *bun.DB) ([]string, error) {
				var posts []Post
				if err := db.NewSelect().Model(&posts).Order("id").Scan(ctx); err != nil {
					return nil, err
				}
				var out []string
				for _, p := range posts {
					var u User
					if err := db.NewSelect().Model(&u).Where("id = ?", p.AuthorID).Scan(ctx); err != nil {
						return nil, err
					}
					out = append(out, p.Title+":"+u.Name)
				}
				return out, nil
			},
			after: func(db *bun.DB) ([]string, error) {
				var posts []Post
				if err := db.NewSelect().Model(&posts).Relation("Author").Order("post.id").Scan(ctx); err != nil {
					return nil, err
				}
				var out []string
				for _, p := range posts {
					out = append(out, p.Title+":"+p.Author.Name)
				}
				return out, nil
			},
		},
		{
			name: "has-many read per post",
			before: func(db *bun.DB) ([]string, error) {
				var posts []*Post
				if err := db.NewSelect().Model(&posts).Order("id").Scan(ctx); err != nil {
					return nil, err
				}
				var out []string
				for _, p := range posts {
					if err := db.NewSelect().Model(&p.Comments).Where("post_id = ?", p.ID).Order("id").Scan(ctx); err != nil {
						return nil, err
					}
					for _, c := range p.Comments {
						out = append(out, p.Title+":"+c.Body)
					}
				}
				return out, nil
			},
			after: func(db *bun.DB) ([]string, error) {
				var posts []*Post
				err := db.NewSelect().Model(&posts).Relation("Comments", func(q *bun.SelectQuery) *bun.SelectQuery { return q.Order("id") }).Order("post.id").Scan(ctx)
				if err != nil {
					return nil, err
				}
				var out []string
				for _, p := range posts {
					for _, c := range p.Comments {
						out = append(out, p.Title+":"+c.Body)
					}
				}
				return out, nil
			},
		},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			var before, after []int
			for _, n := range []int{3, 12} {
				db, c := open(t, n)
				var want, got []string
				var err1, err2 error
				before = append(before, c.Run(func() { want, err1 = sc.before(db) }))
				after = append(after, c.Run(func() { got, err2 = sc.after(db) }))
				if err1 != nil || err2 != nil {
					t.Fatal(err1, err2)
				}
				if !reflect.DeepEqual(want, got) || len(want) < n {
					t.Errorf("n=%d: results differ:\nbefore %v\nafter  %v", n, want, got)
				}
			}
			t.Logf("statements at 3 and 12 posts: before %v, after %v", before, after)
			if before[0] != 4 || before[1] != 13 {
				t.Errorf("before: %v statements, want 1+N: [4 13]", before)
			}
			if after[0] != after[1] || after[0] > 2 {
				t.Errorf("after: %v statements, want a constant of at most 2", after)
			}
		})
	}
}
