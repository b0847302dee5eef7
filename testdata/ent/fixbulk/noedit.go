// Package fixbulk holds the ent bulk creates and existence checks the tool
// writes (bulk.go) and those it leaves alone (noedit.go).
package fixbulk

import (
	"context"
	"fmt"

	"example.com/entapp/ent"
	"example.com/entapp/ent/user"
)

// Partial creates outside a transaction: the posts before a failure stay,
// where one CreateBulk would store none of them.
func Partial(ctx context.Context, client *ent.Client, titles []string) error {
	for _, title := range titles {
		if _, err := client.Post.Create().SetTitle(title).Save(ctx); err != nil { // want `N\+1 query: \(\*ent\.PostCreate\)\.Save runs once per element of titles`
			return err
		}
	}
	return nil
}

// Skipping goes on after a failed create: a bulk would fail as a whole.
func Skipping(ctx context.Context, tx *ent.Tx, titles []string) int {
	failed := 0
	for _, title := range titles {
		if err := tx.Post.Create().SetTitle(title).Exec(ctx); err != nil { // want `N\+1 query: \(\*ent\.PostCreate\)\.Exec runs once per element of titles`
			failed++
		}
	}
	return failed
}

// IDs reads each new post: the node is used in the iteration.
func IDs(ctx context.Context, tx *ent.Tx, titles []string) ([]int, error) {
	var ids []int
	for _, title := range titles {
		p, err := tx.Post.Create().SetTitle(title).Save(ctx) // want `N\+1 query: \(\*ent\.PostCreate\)\.Save runs once per element of titles`
		if err != nil {
			tx.Rollback()
			return nil, err
		}
		ids = append(ids, p.ID)
	}
	return ids, nil
}

// Wrapped names the title in the error: the check uses the iteration.
func Wrapped(ctx context.Context, tx *ent.Tx, titles []string) error {
	for _, title := range titles {
		if err := tx.Post.Create().SetTitle(title).Exec(ctx); err != nil { // want `N\+1 query: \(\*ent\.PostCreate\)\.Exec runs once per element of titles`
			tx.Rollback()
			return fmt.Errorf("post %q: %w", title, err)
		}
	}
	return nil
}

// Lookup reads before it creates: a bulk after the loop would not be seen
// by the next iteration's read.
func Lookup(ctx context.Context, tx *ent.Tx, names []string) error {
	for _, name := range names {
		n, err := tx.User.Query().Where(user.Name(name)).Count(ctx) // want `N\+1 query: \(\*ent\.UserQuery\)\.Count runs once per element of names`
		if err != nil {
			return err
		}
		if _, err := tx.User.Create().SetName(fmt.Sprint(name, n)).Save(ctx); err != nil { // want `N\+1 query: \(\*ent\.UserCreate\)\.Save runs once per element of names`
			tx.Rollback()
			return err
		}
	}
	return nil
}

// Counted uses the count as a number too.
func Counted(ctx context.Context, u *ent.User) (string, error) { // want Counted:"runs \\(\\*ent\\.PostQuery\\)\\.Count \\[params 1\\]"
	n, err := u.QueryPosts().Count(ctx)
	if err != nil {
		return "", err
	}
	if n > 0 {
		return fmt.Sprint(n, " posts"), nil
	}
	return "none", nil
}

// Reused assigns the count to a variable declared before.
func Reused(ctx context.Context, u *ent.User) (bool, error) { // want Reused:"runs \\(\\*ent\\.PostQuery\\)\\.Count \\[params 1\\]"
	var n int
	var err error
	n, err = u.QueryPosts().Count(ctx)
	if err != nil {
		return false, err
	}
	return n != 0, nil
}

// Reply creates a comment per post inside a transaction callback of the
// caller's: whether its error rolls the transaction back is not known.
func Reply(ctx context.Context, posts []*ent.Post, body string, withTx func(func(tx *ent.Tx) error) error) error { // want Reply:"calls params 3"
	return withTx(func(tx *ent.Tx) error {
		for i, p := range posts {
			if err := tx.Comment.Create().SetBody(body).SetApproved(i == 0).SetPost(p).Exec(ctx); err != nil { // want `N\+1 query: \(\*ent\.CommentCreate\)\.Exec runs once per element of posts`
				return err
			}
		}
		return nil
	})
}
