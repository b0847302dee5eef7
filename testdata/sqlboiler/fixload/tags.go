package fixload

import (
	"context"

	"github.com/volatiletech/sqlboiler/v4/boil"

	"example.com/sqlboilerapp/boilgen/models"
)

// Tags reads each post's tags, a many-to-many relation through post_tags,
// in a file that does not import qm yet.
func Tags(ctx context.Context, exec boil.ContextExecutor) (map[string][]string, error) { // want Tags:"runs \\(models\\.postQuery\\)\\.All \\[params 1\\]"
	posts, err := models.Posts().All(ctx, exec)
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, p := range posts {
		tags, err := p.Tags().All(ctx, exec) // want `N\+1 query: \(models\.tagQuery\)\.All runs once per element of posts`
		if err != nil {
			return nil, err
		}
		for _, t := range tags {
			out[p.Title] = append(out[p.Title], t.Name)
		}
	}
	return out, nil
}
