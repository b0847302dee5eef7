package xormtest

import (
	"reflect"
	"strings"
	"testing"

	"xorm.io/xorm"
)

// commented is testdata/xorm/fixexists's shape before -fix: per post, a
// count of the comments its bean's PostID selects, compared with zero;
// commentedFixed the same after (Exist with the same bean).
func commented(engine *xorm.Engine, posts []Post) ([]bool, error) {
	var out []bool
	for _, p := range posts {
		n, err := engine.Where("body <> ''").Count(&Comment{PostID: p.ID})
		if err != nil {
			return nil, err
		}
		out = append(out, n > 0)
	}
	return out, nil
}

func commentedFixed(engine *xorm.Engine, posts []Post) ([]bool, error) {
	var out []bool
	for _, p := range posts {
		exists, err := engine.Where("body <> ''").Exist(&Comment{PostID: p.ID})
		if err != nil {
			return nil, err
		}
		out = append(out, exists)
	}
	return out, nil
}

// The Exist fix answers as the count did, the bean's fields the
// condition in both: posts with and without comments, one statement per
// post each, a LIMIT 1 where the count counted them all.
func TestExistAnswersAsTheCount(t *testing.T) {
	for _, n := range []int{3, 12} {
		engine, c := open(t, "exists", n)
		if _, err := engine.Exec("DELETE FROM comment WHERE post_id % 2 = 0"); err != nil {
			t.Fatal(err)
		}
		var posts []Post
		if err := engine.OrderBy("id").Find(&posts); err != nil {
			t.Fatal(err)
		}
		var want, got []bool
		var err1, err2 error
		before := c.Capture(func() { want, err1 = commented(engine, posts) })
		after := c.Capture(func() { got, err2 = commentedFixed(engine, posts) })
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
			if !strings.Contains(st.SQL, "post_id") || !strings.HasSuffix(st.SQL, "LIMIT 1") {
				t.Errorf("after: %s, want the bean's condition and LIMIT 1", st.SQL)
			}
		}
		t.Logf("n=%d: %d statements each; before %q, after %q", n, before.Count(), before.Statements()[0].SQL, after.Statements()[0].SQL)
	}
}

// The same in a session fresh from NewSession, in its own transaction
// (testdata/xorm/fixexists's Fresh): the same answers.
func TestExistInFreshSession(t *testing.T) {
	engine, _ := open(t, "fresh", 3)
	if _, err := engine.Exec("DELETE FROM comment WHERE post_id = 2"); err != nil {
		t.Fatal(err)
	}
	ask := func(postID int64, exist bool) (bool, error) {
		sess := engine.NewSession()
		defer sess.Close()
		if err := sess.Begin(); err != nil {
			return false, err
		}
		if exist {
			exists, err := sess.Exist(&Comment{PostID: postID})
			if err != nil {
				return false, err
			}
			return exists, sess.Commit()
		}
		n, err := sess.Count(&Comment{PostID: postID})
		if err != nil {
			return false, err
		}
		return n > 0, sess.Commit()
	}
	for _, id := range []int64{1, 2, 3, 99} {
		want, err1 := ask(id, false)
		got, err2 := ask(id, true)
		if err1 != nil || err2 != nil || want != got || want != (id == 1 || id == 3) {
			t.Errorf("post %d: count says %v (%v), Exist %v (%v)", id, want, err1, got, err2)
		}
	}
}
