package fixexists // want package:"reaches data access"

import (
	"context"

	"xorm.io/xorm"

	"example.com/xormapp/models"
)

// HasComments counts a post's comments to learn whether it has one: the
// bean's non-zero PostID is the condition, for Count and for Exist.
func HasComments(engine *xorm.Engine, postID int64) (bool, error) { // want HasComments:"runs \\(\\*xorm\\.Engine\\)\\.Count \\[params 0,1\\]"
	n, err := engine.Count(&models.Comment{PostID: postID}) // want `count compared to zero: \(\*xorm.Engine\).Count counts every matching row to learn whether there is one; ask whether a row exists instead: Exist\(&bean\) selects at most one`
	if err != nil {
		return false, err
	}
	return n > 0, nil
}

// Silent asks the other way round, with conditions and a context, its
// error ignored: 0 on an error, false on an error.
func Silent(ctx context.Context, engine *xorm.Engine, postID int64) string { // want Silent:"runs \\(\\*xorm\\.Session\\)\\.Count \\[params 1,2\\]"
	count, _ := engine.Context(ctx).Where("post_id = ?", postID).And("body <> ''").Count(new(models.Comment)) // want `count compared to zero: \(\*xorm.Session\).Count counts`
	if count == 0 {
		return "none"
	}
	return "some"
}

// Empty asks per post: an N+1 and a count compared to zero at once.
func Empty(engine *xorm.Engine, posts []models.Post) ([]int64, error) {
	var out []int64
	for _, p := range posts {
		bean := &models.Comment{PostID: p.ID}
		n, err := engine.In("body", "", "-").Count(bean) // want `N\+1 query: \(\*xorm.Session\).Count runs once per element of posts` `count compared to zero`
		if err != nil {
			return nil, err
		}
		if n >= 1 {
			out = append(out, p.ID)
		}
	}
	return out, nil
}

// Fresh asks in a transaction of its own: the new session's statement
// holds no builder, Begin and Close leave it so.
func Fresh(engine *xorm.Engine, postID int64) (bool, error) { // want Fresh:"runs \\(\\*xorm\\.Session\\)\\.Count \\[params 0,1\\]"
	sess := engine.NewSession()
	defer sess.Close()
	if err := sess.Begin(); err != nil {
		return false, err
	}
	n, err := sess.Count(&models.Comment{PostID: postID}) // want `count compared to zero`
	if err != nil {
		return false, err
	}
	return n > 0, sess.Commit()
}

// Upsert writes through the session after the count, which cannot shape
// it.
func Upsert(engine *xorm.Engine, c *models.Comment) error { // want Upsert:"runs \\(\\*xorm\\.Session\\)\\.Count \\[params 0,1\\]"
	sess := engine.NewSession()
	defer sess.Close()
	n, err := sess.Count(&models.Comment{ID: c.ID}) // want `count compared to zero`
	if err != nil {
		return err
	}
	if n == 0 {
		_, err = sess.Insert(c)
	} else {
		_, err = sess.ID(c.ID).Update(c)
	}
	return err
}
