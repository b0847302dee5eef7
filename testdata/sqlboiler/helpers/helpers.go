// Package helpers runs sqlboiler queries behind functions of another package. // want package:"reaches data access"
package helpers

import (
	"context"

	"github.com/volatiletech/sqlboiler/v4/boil"

	"example.com/sqlboilerapp/models"
)

// Comments returns a post's comments.
func Comments(ctx context.Context, exec boil.ContextExecutor, p *models.Post) (models.CommentSlice, error) { // want Comments:"runs \\(models\\.commentQuery\\)\\.All \\[params 1,2\\]"
	return p.Comments().All(ctx, exec)
}
