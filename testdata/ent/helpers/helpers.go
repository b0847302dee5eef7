// Package helpers runs ent queries behind functions of another package. // want package:"reaches data access"
package helpers

import (
	"context"

	"example.com/entapp/ent"
)

// Comments returns a post's comments.
func Comments(ctx context.Context, p *ent.Post) ([]*ent.Comment, error) { // want Comments:"runs \\(\\*ent\\.CommentQuery\\)\\.All \\[params 1\\]"
	return p.QueryComments().All(ctx)
}
