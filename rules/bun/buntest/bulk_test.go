package buntest

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/uptrace/bun"
)

// copyComments is testdata/bun/fixbulk/bulk.go's Copy, before -fix: an
// insert per post in a RunInTx callback, stopping at the first error.
func copyComments(ctx context.Context, db *bun.DB, posts []Post) error {
	return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		for _, p := range posts {
			if _, err := tx.NewInsert().Model(&Comment{PostID: p.ID, Body: "copy of " + p.Title}).Exec(ctx); err != nil {
				return err
			}
		}
		return nil
	})
}

// copyCommentsFixed is the same after -fix (bulk.go.golden).
func copyCommentsFixed(ctx context.Context, db *bun.DB, posts []Post) error {
	return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		rows := make([]*Comment, 0, len(posts))
		for _, p := range posts {
			rows = append(rows, &Comment{PostID: p.ID, Body: "copy of " + p.Title})
		}
		if len(rows) > 0 {
			if _, err := tx.NewInsert().Model(&rows).Exec(ctx); err != nil {
				return err
			}
		}
		return nil
	})
}

// stored returns the comments the copies stored, by ID: their IDs, posts
// and bodies.
func stored(t *testing.T, db *bun.DB) []string {
	t.Helper()
	var cs []Comment
	if err := db.NewSelect().Model(&cs).Where("body LIKE 'copy of %'").Order("id").Scan(context.Background()); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprint(c.ID, c.PostID, c.Body))
	}
	return out
}

// The bulk insert fix: one statement per post before, one after, the
// same rows stored with the same IDs; and where a row fails, both store
// none (the transaction rolls the loop's earlier rows back).
func TestBulkInsertRemovesQueries(t *testing.T) {
	ctx := context.Background()
	variants := []struct {
		name string
		copy func(context.Context, *bun.DB, []Post) error
	}{{"loop", copyComments}, {"fixed", copyCommentsFixed}}
	counts := map[string][]int{}
	for _, n := range []int{3, 12} {
		rows := map[string][]string{}
		for _, v := range variants {
			// Each in a subtest: open's in-memory database lives until
			// the subtest's cleanup closes it.
			t.Run(fmt.Sprint(v.name, n), func(t *testing.T) {
				db, c := open(t, n)
				counts[v.name] = append(counts[v.name], c.Run(func() {
					var posts []Post
					if err := db.NewSelect().Model(&posts).Order("id").Scan(ctx); err != nil {
						t.Fatal(err)
					}
					if err := v.copy(ctx, db, posts); err != nil {
						t.Fatal(err)
					}
				}))
				rows[v.name] = stored(t, db)
			})
		}
		if len(rows["loop"]) != n || !reflect.DeepEqual(rows["loop"], rows["fixed"]) {
			t.Errorf("n=%d: stored rows differ:\nbefore %v\nafter  %v", n, rows["loop"], rows["fixed"])
		}
	}
	t.Logf("statements at 3 and 12 posts: before %v, after %v", counts["loop"], counts["fixed"])
	if !reflect.DeepEqual(counts["loop"], []int{4, 13}) || !reflect.DeepEqual(counts["fixed"], []int{2, 2}) {
		t.Errorf("statements: before %v, after %v; want [4 13] and [2 2]", counts["loop"], counts["fixed"])
	}

	// A row the database rejects, the third: the loop stops there, its
	// transaction rolls back the two before; the one insert stores none.
	for _, v := range variants {
		t.Run(v.name+"Rejected", func(t *testing.T) {
			db, _ := open(t, 12)
			if _, err := db.ExecContext(ctx, "CREATE TRIGGER reject BEFORE INSERT ON comments WHEN NEW.body = 'copy of post2' BEGIN SELECT RAISE(ABORT, 'rejected'); END"); err != nil {
				t.Fatal(err)
			}
			var posts []Post
			if err := db.NewSelect().Model(&posts).Order("id").Scan(ctx); err != nil {
				t.Fatal(err)
			}
			if err := v.copy(ctx, db, posts); err == nil {
				t.Error("the rejected row must fail the copy")
			}
			if rows := stored(t, db); len(rows) != 0 {
				t.Errorf("a failed copy stored %v", rows)
			}
		})
	}
}
