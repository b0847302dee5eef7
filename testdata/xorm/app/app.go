package app // want package:"reaches data access"

// xorm queries per element of loaded lists.

import (
	"sync"

	"xorm.io/xorm"

	"example.com/xormapp/models"
	"example.com/xormapp/store"
)

func authors(engine *xorm.Engine) error { // want authors:"runs \\(\\*xorm.Engine\\).Find \\[params 0\\]"
	var posts []models.Post
	if err := engine.Find(&posts); err != nil {
		return err
	}
	for _, p := range posts {
		var u models.User
		if _, err := engine.ID(p.AuthorID).Get(&u); err != nil { // want `N\+1 query: \(\*xorm.Session\).Get runs once per element of posts .*xorm has no eager loading: collect the keys, load them all with one In\("key", keys\).Find\(&rows\)`
			return err
		}
	}
	return nil
}

func comments(sess *xorm.Session, posts []models.Post) {
	for _, p := range posts {
		var cs []models.Comment
		_ = sess.Where("post_id = ?", p.ID).Find(&cs) // want `N\+1 query: \(\*xorm.Session\).Find runs once per element of posts`
	}
}

func viaHelper(engine *xorm.Engine, posts []models.Post) {
	for _, p := range posts {
		_, _ = store.UserByID(engine, p.AuthorID) // want `N\+1 query: store.UserByID runs \(\*xorm.Session\).Get once per element of posts`
	}
}

func viaClosure(engine *xorm.Engine, posts []models.Post) {
	has := func(p models.Post) bool {
		ok, _ := engine.Where("post_id = ?", p.ID).Exist(&models.Comment{})
		return ok
	}
	for _, p := range posts {
		_ = has(p) // want `N\+1 query: func literal runs \(\*xorm.Session\).Exist once per element of posts`
	}
}

func viaGoroutine(engine *xorm.Engine, posts []models.Post) {
	var wg sync.WaitGroup
	for _, p := range posts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = engine.ID(p.ID).Cols("title").Update(&p) // want `N\+1 query: \(\*xorm.Session\).Update runs once per element of posts`
		}()
	}
	wg.Wait()
}

func inserts(engine *xorm.Engine, bodies []string) error {
	_, err := engine.Transaction(func(s *xorm.Session) (any, error) {
		for _, b := range bodies {
			if _, err := s.Insert(&models.Comment{Body: b}); err != nil { // want `insert them with one Insert\(&rows\) after it`
				return nil, err
			}
		}
		return nil, nil
	})
	return err
}

func counts(engine *xorm.Engine, posts []models.Post) map[int64]int64 {
	out := map[int64]int64{}
	for _, p := range posts {
		n, _ := engine.Where("post_id = ?", p.ID).Count(&models.Comment{}) // want `N\+1 query: \(\*xorm.Session\).Count runs once per element of posts .*GroupBy`
		out[p.ID] = n
	}
	return out
}

func hasAny(engine *xorm.Engine, id int64) bool { // want hasAny:"runs \\(\\*xorm.Session\\).Count \\[params 0,1\\]"
	n, err := engine.Where("post_id = ?", id).Count(&models.Comment{}) // want `Exist\(&bean\)`
	return err == nil && n > 0
}
