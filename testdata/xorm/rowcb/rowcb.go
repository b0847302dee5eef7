package rowcb

// Queries in the function xorm's Iterate calls once per row of its query.

import (
	"xorm.io/xorm"

	"example.com/xormapp/models"
	"example.com/xormapp/rowcbstore"
	"example.com/xormapp/store"
)

func direct(engine *xorm.Engine) error { // want direct:"runs \\(\\*xorm.Session\\).Iterate \\[params 0\\]"
	return engine.Where("title <> ''").Iterate(new(models.Post), func(i int, bean any) error {
		p := bean.(*models.Post)
		var u models.User
		_, err := engine.ID(p.AuthorID).Get(&u) // want `N\+1 query: \(\*xorm.Session\).Get runs once per row read by \(\*xorm.Session\).Iterate \(Iterate at rowcb.go:14\); collect the keys in the callback and run one query for all of them after Iterate`
		return err
	})
}

func viaHelper(sess *xorm.Session) error { // want viaHelper:"runs \\(\\*xorm.Session\\).Iterate \\[params 0\\]"
	return sess.Iterate(new(models.Post), func(_ int, bean any) error {
		_, err := store.UserByID(sess, bean.(*models.Post).AuthorID) // want `N\+1 query: store.UserByID runs \(\*xorm.Session\).Get once per row read by \(\*xorm.Session\).Iterate`
		return err
	})
}

func closureVar(engine *xorm.Engine) error { // want closureVar:"runs \\(\\*xorm.Engine\\).Iterate \\[params 0\\]"
	each := func(_ int, bean any) error {
		c := bean.(*models.Comment)
		_, err := engine.Insert(&models.Post{ID: c.PostID}) // want `N\+1 query: \(\*xorm.Engine\).Insert runs once per row read by \(\*xorm.Engine\).Iterate .*collect the rows or keys in the callback and run one statement for all of them after Iterate`
		return err
	}
	return engine.Iterate(new(models.Comment), each)
}

func namedType(engine *xorm.Engine) error { // want namedType:"runs \\(\\*xorm.Engine\\).Iterate \\[params 0\\]"
	var each xorm.IterFunc = func(_ int, bean any) error {
		n, err := engine.Where("post_id = ?", bean.(*models.Post).ID).Count(new(models.Comment)) // want `N\+1 query: \(\*xorm.Session\).Count runs once per row read by \(\*xorm.Engine\).Iterate`
		_ = n
		return err
	}
	return engine.Iterate(new(models.Post), each)
}

// indexer reads each post's comments from a method value.
type indexer struct{ engine *xorm.Engine }

func (x *indexer) index(_ int, bean any) error { // want index:"runs \\(\\*xorm.Session\\).Find \\[params 0,2\\]"
	var cs []models.Comment
	return x.engine.Where("post_id = ?", bean.(*models.Post).ID).Find(&cs)
}

func (x *indexer) run() error { // want run:"runs \\(\\*xorm.Engine\\).Iterate \\[params 0\\]"
	return x.engine.Iterate(new(models.Post), x.index) // want `N\+1 query: \(\*xorm.Engine\).Iterate runs \(\*xorm.Session\).Find via \(\*rowcb.indexer\).index once per row read by \(\*xorm.Engine\).Iterate`
}

func viaInterface(db xorm.Interface) error { // want viaInterface:"runs \\(xorm.Interface\\).Iterate \\[params 0\\]"
	return db.Iterate(new(models.Post), func(_ int, bean any) error {
		var u models.User
		_, err := db.ID(bean.(*models.Post).AuthorID).Get(&u) // want `N\+1 query: \(\*xorm.Session\).Get runs once per row read by \(xorm.Interface\).Iterate`
		return err
	})
}

// The rows of Rows, read with Next and Scan: a cursor loop.
func cursor(engine *xorm.Engine) error { // want cursor:"runs \\(\\*xorm.Engine\\).Rows \\[params 0\\]"
	rows, err := engine.Rows(new(models.Post))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var p models.Post
		if err := rows.Scan(&p); err != nil {
			return err
		}
		var u models.User
		if _, err := engine.ID(p.AuthorID).Get(&u); err != nil { // want `N\+1 query: \(\*xorm.Session\).Get runs once per element of rows`
			return err
		}
	}
	return nil
}

// A function of another package hands the callback to Iterate.
func viaWrapper(sess *xorm.Session) error { // want viaWrapper:"runs \\(\\*xorm.Session\\).Iterate via rowcbstore.EachPost \\[params 0\\]"
	return rowcbstore.EachPost(sess, func(_ int, bean any) error {
		var cs []models.Comment
		return sess.Where("post_id = ?", bean.(*models.Post).ID).Find(&cs) // want `N\+1 query: \(\*xorm.Session\).Find runs once per row read by rowcbstore.EachPost \(EachPost at rowcb.go:89\)`
	})
}
