package app

import (
	"xorm.io/xorm"

	"example.com/xormapp/models"
)

// Negatives: builders, one In query after the loop, literal lists, pages
// and batches.

func builders(engine *xorm.Engine, ids []int64) ([]models.Post, error) { // want builders:"runs \\(\\*xorm.Session\\).Find \\[params 0,1\\]"
	s := engine.NewSession()
	defer s.Close()
	for _, id := range ids {
		s = s.Or("id = ?", id)
	}
	var posts []models.Post
	err := s.Find(&posts)
	return posts, err
}

func inAfterLoop(engine *xorm.Engine, posts []models.Post) (map[int64]models.User, error) { // want inAfterLoop:"runs \\(\\*xorm.Session\\).Find \\[params 0,1\\]"
	ids := make([]int64, 0, len(posts))
	for _, p := range posts {
		ids = append(ids, p.AuthorID)
	}
	var users []models.User
	if err := engine.In("id", ids).Find(&users); err != nil {
		return nil, err
	}
	byID := map[int64]models.User{}
	for _, u := range users {
		byID[u.ID] = u
	}
	return byID, nil
}

func sync2(engine *xorm.Engine) error {
	for _, b := range []any{new(models.User), new(models.Post)} {
		if err := engine.Sync(b); err != nil {
			return err
		}
	}
	return nil
}

func pages(engine *xorm.Engine) (int, error) { // want pages:"runs \\(\\*xorm.Session\\).Find \\[params 0\\]"
	n := 0
	for start := 0; ; start += 100 {
		var posts []models.Post
		if err := engine.Limit(100, start).Find(&posts); err != nil {
			return n, err
		}
		if len(posts) == 0 {
			return n, nil
		}
		n += len(posts)
	}
}

func batches(engine *xorm.Engine, ids []int64) error { // want batches:"runs \\(\\*xorm.Session\\).Delete \\[params 0,1\\]"
	for i := 0; i < len(ids); i += 100 {
		if _, err := engine.In("id", ids[i:min(i+100, len(ids))]).Delete(&models.Post{}); err != nil {
			return err
		}
	}
	return nil
}
