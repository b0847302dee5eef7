package xormtest

import (
	"fmt"
	"reflect"
	"testing"

	"xorm.io/xorm"
)

// copyComments is testdata/xorm/fixbulk/bulk.go's Copy, before -fix: an
// Insert per post in a Transaction callback, stopping at the first error.
func copyComments(engine *xorm.Engine, posts []Post) error {
	_, err := engine.Transaction(func(s *xorm.Session) (any, error) {
		for _, p := range posts {
			if _, err := s.Insert(&Comment{PostID: p.ID, Body: "copy of " + p.Title}); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
	return err
}

// copyCommentsFixed is the same after -fix (bulk.go.golden).
func copyCommentsFixed(engine *xorm.Engine, posts []Post) error {
	_, err := engine.Transaction(func(s *xorm.Session) (any, error) {
		rows := make([]*Comment, 0, len(posts))
		for _, p := range posts {
			rows = append(rows, &Comment{PostID: p.ID, Body: "copy of " + p.Title})
		}
		if len(rows) > 0 {
			if _, err := s.Insert(&rows); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
	return err
}

// stored returns the comments the copies stored, by ID.
func stored(t *testing.T, engine *xorm.Engine) []string {
	t.Helper()
	var cs []Comment
	if err := engine.Where("body LIKE 'copy of %'").OrderBy("id").Find(&cs); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprint(c.ID, c.PostID, c.Body))
	}
	return out
}

var copies = []struct {
	name string
	copy func(*xorm.Engine, []Post) error
}{{"loop", copyComments}, {"fixed", copyCommentsFixed}}

// The bulk insert fix: one statement per post before, one after (xorm's
// multi-row INSERT), the same rows stored with the same IDs; where a row
// fails, both store none (the transaction rolls back the loop's earlier
// rows).
func TestBulkInsertRemovesQueries(t *testing.T) {
	counts := map[string][]int{}
	for _, n := range []int{3, 12} {
		rows := map[string][]string{}
		for _, v := range copies {
			engine, c := open(t, v.name, n)
			counts[v.name] = append(counts[v.name], c.Run(func() {
				var posts []Post
				if err := engine.OrderBy("id").Find(&posts); err != nil {
					t.Fatal(err)
				}
				if err := v.copy(engine, posts); err != nil {
					t.Fatal(err)
				}
			}))
			rows[v.name] = stored(t, engine)
		}
		if len(rows["loop"]) != n || !reflect.DeepEqual(rows["loop"], rows["fixed"]) {
			t.Errorf("n=%d: stored rows differ:\nbefore %v\nafter  %v", n, rows["loop"], rows["fixed"])
		}
	}
	t.Logf("statements at 3 and 12 posts: before %v, after %v", counts["loop"], counts["fixed"])
	if !reflect.DeepEqual(counts["loop"], []int{4, 13}) || !reflect.DeepEqual(counts["fixed"], []int{2, 2}) {
		t.Errorf("statements: before %v, after %v; want [4 13] and [2 2]", counts["loop"], counts["fixed"])
	}

	// A row the database rejects, the third: the loop stops there and its
	// transaction rolls back the two before; the one insert stores none.
	for _, v := range copies {
		engine, _ := open(t, v.name+"rejected", 12)
		if _, err := engine.Exec("CREATE TRIGGER reject BEFORE INSERT ON comment WHEN NEW.body = 'copy of post2' BEGIN SELECT RAISE(ABORT, 'rejected'); END"); err != nil {
			t.Fatal(err)
		}
		var posts []Post
		if err := engine.OrderBy("id").Find(&posts); err != nil {
			t.Fatal(err)
		}
		if err := v.copy(engine, posts); err == nil {
			t.Errorf("%s: the rejected row must fail the copy", v.name)
		}
		if rows := stored(t, engine); len(rows) != 0 {
			t.Errorf("%s: a failed copy stored %v", v.name, rows)
		}
	}
}
