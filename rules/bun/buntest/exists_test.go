package buntest

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/uptrace/bun"
)

// commented is testdata/bun/fixexists's shape before -fix: per post, a
// count compared to zero; commentedFixed the same after (Exists).
func commented(ctx context.Context, db *bun.DB, posts []Post) ([]bool, error) {
	var out []bool
	for _, p := range posts {
		n, err := db.NewSelect().Model((*Comment)(nil)).Where("post_id = ?", p.ID).Count(ctx)
		if err != nil {
			return nil, err
		}
		out = append(out, n > 0)
	}
	return out, nil
}

func commentedFixed(ctx context.Context, db *bun.DB, posts []Post) ([]bool, error) {
	var out []bool
	for _, p := range posts {
		exists, err := db.NewSelect().Model((*Comment)(nil)).Where("post_id = ?", p.ID).Exists(ctx)
		if err != nil {
			return nil, err
		}
		out = append(out, exists)
	}
	return out, nil
}

// The Exists fix answers as the count did, posts with and without
// comments, with one SELECT EXISTS per post where a count was: the fix
// makes each statement stop at the first row, it does not remove the
// loop's (the N+1 advice does).
func TestExistsAnswersAsTheCount(t *testing.T) {
	ctx := context.Background()
	for _, n := range []int{3, 12} {
		db, c := open(t, n)
		if _, err := db.NewDelete().Model((*Comment)(nil)).Where("post_id % 2 = 0").Exec(ctx); err != nil {
			t.Fatal(err)
		}
		var posts []Post
		if err := db.NewSelect().Model(&posts).Order("id").Scan(ctx); err != nil {
			t.Fatal(err)
		}
		var want, got []bool
		var err1, err2 error
		before := c.Capture(func() { want, err1 = commented(ctx, db, posts) })
		after := c.Capture(func() { got, err2 = commentedFixed(ctx, db, posts) })
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if !reflect.DeepEqual(want, got) || !reflect.DeepEqual(want[:2], []bool{true, false}) {
			t.Errorf("n=%d: answers differ: before %v, after %v", n, want, got)
		}
		if before.Count() != n || after.Count() != n {
			t.Errorf("n=%d: statements before %d, after %d; want %d each", n, before.Count(), after.Count(), n)
		}
		for _, st := range after.Statements() {
			if !strings.HasPrefix(st.SQL, "SELECT EXISTS (") {
				t.Errorf("after: %s, want SELECT EXISTS (…)", st.SQL)
			}
		}
		t.Logf("n=%d: %d statements each; before %q, after %q", n, before.Count(), before.Statements()[0].SQL, after.Statements()[0].SQL)
	}
}
