package app // want package:"reaches data access"

// go-pg queries per element of loaded lists.

import (
	"context"
	"sync"

	"github.com/go-pg/pg/v10"
	"github.com/go-pg/pg/v10/orm"

	"example.com/gopgapp/models"
)

func authors(db *pg.DB) error { // want authors:"runs \\(\\*orm.Query\\).Select \\[params 0\\]"
	var posts []models.Post
	if err := db.Model(&posts).Select(); err != nil {
		return err
	}
	for _, p := range posts {
		u := new(models.User)
		if err := db.Model(u).Where("id = ?", p.AuthorID).Select(); err != nil { // want `N\+1 query: \(\*orm.Query\).Select runs once per element of posts .*load it with the list: Relation\("Author"\) on the query that loads posts`
			return err
		}
	}
	return nil
}

func comments(db *pg.DB) error { // want comments:"runs \\(\\*orm.Query\\).Select \\[params 0\\]"
	var posts []models.Post
	if err := db.Model(&posts).Select(); err != nil {
		return err
	}
	for _, p := range posts {
		if err := db.Model(&p.Comments).Where("post_id = ?", p.ID).Select(); err != nil { // want `Relation\("Comments"\)`
			return err
		}
	}
	return nil
}

func commenters(db *pg.DB) error { // want commenters:"runs \\(\\*orm.Query\\).Select \\[params 0\\]"
	var posts []models.Post
	if err := db.Model(&posts).Relation("Comments").Select(); err != nil {
		return err
	}
	for _, p := range posts {
		for _, c := range p.Comments {
			var u models.User
			if err := db.Model(&u).Where("id = ?", c.UserID).First(); err != nil { // want `\(\*orm.Query\).First runs once per element of p.Comments .*Relation\("Comments.User"\) on the query that loads posts`
				return err
			}
		}
	}
	return nil
}

// A helper taking orm.DB, the interface DB and Tx implement.
func userByID(db orm.DB, id int64) (*models.User, error) { // want userByID:"runs \\(\\*orm.Query\\).Select \\[params 0,1\\]"
	u := new(models.User)
	err := db.Model(u).Where("id = ?", id).Select()
	return u, err
}

func viaHelper(db *pg.DB, posts []models.Post) {
	for _, p := range posts {
		_, _ = userByID(db, p.AuthorID) // want `N\+1 query: app.userByID runs \(\*orm.Query\).Select once per element of posts`
	}
}

func viaGoroutine(db *pg.DB, posts []models.Post) {
	var wg sync.WaitGroup
	for _, p := range posts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = db.Model(&p).WherePK().Column("title").Update() // want `N\+1 query: \(\*orm.Query\).Update runs once per element of posts`
		}()
	}
	wg.Wait()
}

func inserts(ctx context.Context, db *pg.DB, bodies []string) error {
	return db.RunInTransaction(ctx, func(tx *pg.Tx) error {
		for _, b := range bodies {
			if _, err := tx.Model(&models.Comment{Body: b}).Insert(); err != nil { // want `insert them with one Model\(&rows\).Insert\(\) after it`
				return err
			}
		}
		return nil
	})
}

func raw(db *pg.DB, ids []int64) {
	for _, id := range ids {
		_, _ = db.Exec("UPDATE posts SET title = '' WHERE id = ?", id) // want `N\+1 query: \(\*pg.baseDB\).Exec runs once per element of ids`
	}
}

func hasComments(db *pg.DB, id int64) bool { // want hasComments:"runs \\(\\*orm.Query\\).Count \\[params 0,1\\]"
	n, err := db.Model((*models.Comment)(nil)).Where("post_id = ?", id).Count() // want `Exists\(\)`
	return err == nil && n > 0
}
