// Package feed calls a helper of another package once per post. // want package:"reaches data access"
package feed

import (
	"context"
	"database/sql"

	"example.com/sqlboilerapp/helpers"
	"example.com/sqlboilerapp/models"
)

// Build reads every post's comments through the helper.
func Build(ctx context.Context, db *sql.DB) (int, error) { // want Build:"runs \\(models\\.postQuery\\)\\.All \\[params 1\\]"
	posts, err := models.Posts().All(ctx, db)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, p := range posts {
		cs, err := helpers.Comments(ctx, db, p) // want `N\+1 query: helpers\.Comments runs \(models\.commentQuery\)\.All once per element of posts`
		if err != nil {
			return 0, err
		}
		n += len(cs)
	}
	return n, nil
}
