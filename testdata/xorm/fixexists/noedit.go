// Package fixexists holds xorm counts compared to zero: whether a row
// exists, asked by counting them all.
package fixexists

import (
	"xorm.io/xorm"

	"example.com/xormapp/models"
)

// Cols: Count counts the non-null values of the column, Exist any row.
// Reported, no edit.
func Cols(engine *xorm.Engine) bool { // want Cols:"runs \\(\\*xorm\\.Session\\)\\.Count \\[params 0\\]"
	n, err := engine.Cols("body").Count(&models.Comment{}) // want `count compared to zero`
	return err == nil && n > 0
}

// NoBean: without a bean Count ignores the soft-deletion condition and
// ID(…) that Exist applies. No edit.
func NoBean(engine *xorm.Engine) bool { // want NoBean:"runs \\(\\*xorm\\.Session\\)\\.Count \\[params 0\\]"
	n, err := engine.Table("comments").Where("post_id = 1").Count() // want `count compared to zero`
	return err == nil && n > 0
}

// InSession: the session's statement may carry builders of earlier calls
// (a Cols, a GroupBy). No edit.
func InSession(s *xorm.Session) bool { // want InSession:"runs \\(\\*xorm\\.Session\\)\\.Count \\[params 0\\]"
	n, err := s.Count(&models.Comment{}) // want `count compared to zero`
	return err == nil && n > 0
}

// Grouped: Count counts the groups. No edit.
func Grouped(engine *xorm.Engine) bool { // want Grouped:"runs \\(\\*xorm\\.Session\\)\\.Count \\[params 0\\]"
	n, err := engine.GroupBy("post_id").Having("count(*) > 2").Count(&models.Comment{}) // want `count compared to zero`
	return err == nil && n > 0
}

// Shaped: the session's Cols shapes its next statement, the count. No
// edit.
func Shaped(engine *xorm.Engine) bool { // want Shaped:"runs \\(\\*xorm\\.Session\\)\\.Count \\[params 0\\]"
	sess := engine.NewSession()
	defer sess.Close()
	sess.Cols("body")
	n, err := sess.Count(&models.Comment{}) // want `count compared to zero`
	return err == nil && n > 0
}

// Looped: the Cols after the count shapes the next iteration's count.
// No edit.
func Looped(engine *xorm.Engine, posts []models.Post) int {
	sess := engine.NewSession()
	defer sess.Close()
	k := 0
	for _, p := range posts {
		n, err := sess.Count(&models.Comment{PostID: p.ID}) // want `count compared to zero` `N\+1 query: \(\*xorm\.Session\)\.Count runs once per element of posts`
		if err == nil && n > 0 {
			k++
		}
		sess.Cols("body")
	}
	return k
}
