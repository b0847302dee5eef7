package app // want package:"reaches data access"

// Package app runs bun queries per element of loaded lists, and the
// shapes that are not N+1s.

import (
	"context"
	"sync"

	"github.com/uptrace/bun"

	"example.com/bunapp/models"
	"example.com/bunapp/store"
)

// Belongs-to read per post: Relation("Author") loads them all.
func authors(ctx context.Context, db *bun.DB) error { // want authors:"runs \\(\\*bun.SelectQuery\\).Scan \\[params 1\\]"
	var posts []models.Post
	if err := db.NewSelect().Model(&posts).Scan(ctx); err != nil {
		return err
	}
	for _, p := range posts {
		var u models.User
		if err := db.NewSelect().Model(&u).Where("id = ?", p.AuthorID).Scan(ctx); err != nil { // want `N\+1 query: \(\*bun.SelectQuery\).Scan runs once per element of posts .*load it with the list: Relation\("Author"\) on the query that loads posts`
			return err
		}
		_ = u.Name
	}
	return nil
}

// Has-many read per post, with a constant condition carried into the
// func(q *bun.SelectQuery) form.
func comments(ctx context.Context, db *bun.DB) error { // want comments:"runs \\(\\*bun.SelectQuery\\).Scan \\[params 1\\]"
	var posts []*models.Post
	if err := db.NewSelect().Model(&posts).Scan(ctx); err != nil {
		return err
	}
	for _, p := range posts {
		if err := db.NewSelect().Model(&p.Comments).Where("post_id = ?", p.ID).Where("approved = ?", true).Scan(ctx); err != nil { // want `Relation\("Comments", func\(q \*bun.SelectQuery\) \*bun.SelectQuery \{ return q.Where\("approved = \?", true\) \}\)`
			return err
		}
	}
	return nil
}

// Nested: the comment's user, per comment of each post.
func commenters(ctx context.Context, db *bun.DB) error { // want commenters:"runs \\(\\*bun.SelectQuery\\).Scan \\[params 1\\]"
	var posts []models.Post
	if err := db.NewSelect().Model(&posts).Relation("Comments").Scan(ctx); err != nil {
		return err
	}
	for _, p := range posts {
		for _, c := range p.Comments {
			u := new(models.User)
			if err := db.NewSelect().Model(u).Where("id = ?", c.UserID).Scan(ctx); err != nil { // want `\(\*bun.SelectQuery\).Scan runs once per element of p.Comments .*Relation\("Comments.User"\) on the query that loads posts`
				return err
			}
		}
	}
	return nil
}

// A helper of another package, per post.
func viaHelper(ctx context.Context, db *bun.DB, posts []models.Post) {
	for _, p := range posts {
		_, _ = store.UserByID(ctx, db, p.AuthorID) // want `N\+1 query: store.UserByID runs \(\*bun.SelectQuery\).Scan once per element of posts`
	}
}

// A closure called per post.
func viaClosure(ctx context.Context, db *bun.DB, posts []models.Post) {
	count := func(p models.Post) int {
		n, _ := db.NewSelect().Model((*models.Comment)(nil)).Where("post_id = ?", p.ID).Count(ctx)
		return n2i(n)
	}
	for _, p := range posts {
		_ = count(p) // want `N\+1 query: func literal runs \(\*bun.SelectQuery\).Count once per element of posts`
	}
}

func n2i(n int64) int { return int(n) }

// A goroutine per post.
func viaGoroutine(ctx context.Context, db *bun.DB, posts []models.Post) {
	var wg sync.WaitGroup
	for _, p := range posts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = db.NewUpdate().Model(&p).WherePK().Exec(ctx) // want `N\+1 query: \(\*bun.UpdateQuery\).Exec runs once per element of posts`
		}()
	}
	wg.Wait()
}

// An insert per comment: one NewInsert().Model(&rows) after the loop.
func inserts(ctx context.Context, db *bun.DB, bodies []string) error {
	for _, b := range bodies {
		if _, err := db.NewInsert().Model(&models.Comment{Body: b}).Exec(ctx); err != nil { // want `insert them with one NewInsert\(\).Model\(&rows\) after it`
			return err
		}
	}
	return nil
}

// Raw SQL text per element, in a transaction.
func raw(ctx context.Context, db *bun.DB, ids []int64) error {
	return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, "UPDATE posts SET title = '' WHERE id = ?", id); err != nil { // want `N\+1 query: \(bun.Tx\).ExecContext runs once per element of ids`
				return err
			}
		}
		return nil
	})
}

// A count compared to zero: Exists stops at the first row.
func hasComments(ctx context.Context, db *bun.DB, id int64) bool { // want hasComments:"runs \\(\\*bun.SelectQuery\\).Count \\[params 1,2\\]"
	n, err := db.NewSelect().Model((*models.Comment)(nil)).Where("post_id = ?", id).Count(ctx) // want `Exists\(ctx\)`
	return err == nil && n > 0
}
