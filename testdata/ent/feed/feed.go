// Package feed calls a helper of another package once per post. // want package:"reaches data access"
package feed

import (
	"context"

	"example.com/entapp/ent"
	"example.com/entapp/helpers"
)

// Build reads every post's comments through the helper.
func Build(ctx context.Context, client *ent.Client) (int, error) { // want Build:"runs \\(\\*ent\\.PostQuery\\)\\.All \\[params 1\\]"
	posts, err := client.Post.Query().All(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, p := range posts {
		cs, err := helpers.Comments(ctx, p) // want `N\+1 query: helpers\.Comments runs \(\*ent\.CommentQuery\)\.All once per element of posts`
		if err != nil {
			return 0, err
		}
		n += len(cs)
	}
	return n, nil
}
