package fixbulk // want package:"reaches data access"

import (
	"context"
	"fmt"

	"example.com/entapp/ent"
	"example.com/entapp/ent/post"
)

// Seed creates one post per title in a transaction that is rolled back on
// the first error: one CreateBulk stores all or none, as the loop did.
func Seed(ctx context.Context, client *ent.Client, author *ent.User, titles []string) error {
	tx, err := client.Tx(ctx)
	if err != nil {
		return err
	}
	for _, title := range titles {
		_, err := tx.Post.Create().SetTitle(title).SetAuthor(author).Save(ctx) // want `N\+1 query: \(\*ent\.PostCreate\)\.Save runs once per element of titles`
		if err != nil {
			tx.Rollback()
			return err
		}
	}
	return tx.Commit()
}

// Empty reports whether a user has no posts.
func Empty(ctx context.Context, u *ent.User) (bool, error) { // want Empty:"runs \\(\\*ent\\.PostQuery\\)\\.Count \\[params 1\\]"
	count, err := u.QueryPosts().Count(ctx) // want `count compared to zero: \(\*ent\.PostQuery\)\.Count counts every matching row`
	if err != nil {
		return false, err
	}
	return count < 1, nil
}

// Label comments on every draft in the caller's transaction, rolled back
// at the first failure.
func Label(ctx context.Context, tx *ent.Tx, posts []*ent.Post, body string) error {
	for _, p := range posts {
		if p.Published {
			continue
		}
		if err := tx.Comment.Create().SetBody(body).SetPost(p).Exec(ctx); err != nil { // want `N\+1 query: \(\*ent\.CommentCreate\)\.Exec runs once per element of posts`
			_ = tx.Rollback()
			return fmt.Errorf("labelling: %w", err)
		}
	}
	return nil
}

// Guard refuses a user who already has posts.
func Guard(ctx context.Context, client *ent.Client, id int) error { // want Guard:"runs \\(\\*ent\\.UserClient\\)\\.GetX \\[params 1,2\\]"
	n, err := client.User.QueryPosts(client.User.GetX(ctx, id)).Where(post.Published(true)).Count(ctx) // want `count compared to zero: \(\*ent\.PostQuery\)\.Count counts every matching row`
	if err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("user %d has published posts", id)
	}
	return nil
}
