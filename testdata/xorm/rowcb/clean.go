package rowcb // want package:"reaches data access"

// Iterate callbacks that run no query per row.

import (
	"xorm.io/xorm"

	"example.com/xormapp/models"
	"example.com/xormapp/rowcbstore"
)

// The callback collects the keys; one query after Iterate loads them.
func collectKeys(engine *xorm.Engine) ([]models.User, error) { // want collectKeys:"runs \\(\\*xorm.Engine\\).Iterate \\[params 0\\]"
	var ids []int64
	err := engine.Iterate(new(models.Post), func(_ int, bean any) error {
		ids = append(ids, bean.(*models.Post).AuthorID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	var users []models.User
	return users, engine.In("id", ids).Find(&users)
}

// The callback computes in memory.
func titles(engine *xorm.Engine) (map[int64]string, error) { // want titles:"runs \\(\\*xorm.Engine\\).Iterate \\[params 0\\]"
	out := map[int64]string{}
	err := engine.Iterate(new(models.Post), func(_ int, bean any) error {
		p := bean.(*models.Post)
		out[p.ID] = p.Title
		return nil
	})
	return out, err
}

// A query that does not depend on the row is not reported, as in a loop.
func invariant(engine *xorm.Engine) error { // want invariant:"runs \\(\\*xorm.Engine\\).Iterate \\[params 0\\]"
	return engine.Iterate(new(models.Post), func(_ int, _ any) error {
		_, err := engine.Count(new(models.User))
		return err
	})
}

// Through a wrapper too, a callback collecting keys runs nothing per row.
func keysViaWrapper(sess *xorm.Session) ([]int64, error) { // want keysViaWrapper:"runs \\(\\*xorm.Session\\).Iterate via rowcbstore.EachPost \\[params 0\\]"
	var ids []int64
	err := rowcbstore.EachPost(sess, func(_ int, bean any) error {
		ids = append(ids, bean.(*models.Post).AuthorID)
		return nil
	})
	return ids, err
}
