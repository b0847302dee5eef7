package fixload // want package:"reaches data access"

import (
	"context"
	"database/sql"

	"github.com/volatiletech/sqlboiler/v4/queries/qm"

	"example.com/sqlboilerapp/boilgen/models"
)

// The counts compared with zero get advice and no edit: the generated
// Exists runs SELECT COUNT(*) … LIMIT 1, a count too (this file has no
// golden file, so a fix here fails the test).

// Commented says, per post, whether it has a comment: a count per post
// (an N+1 of its own, advice only) compared with zero.
func Commented(ctx context.Context, db *sql.DB) ([]bool, error) { // want Commented:"runs \\(models\\.postQuery\\)\\.All \\[params 1\\]"
	posts, err := models.Posts(qm.OrderBy("id")).All(ctx, db)
	if err != nil {
		return nil, err
	}
	var out []bool
	for _, p := range posts {
		n, err := p.Comments().Count(ctx, db) // want `N\+1 query: \(models\.commentQuery\)\.Count runs once per element of posts` `count compared to zero`
		if err != nil {
			return nil, err
		}
		out = append(out, n > 0)
	}
	return out, nil
}

// Silent says whether a user wrote no comment, 0 on the left.
func Silent(ctx context.Context, db *sql.DB, userID int64) (bool, error) { // want Silent:"runs \\(models\\.commentQuery\\)\\.Count \\[params 1,2\\]"
	c, err := models.Comments(models.CommentWhere.AuthorID.EQ(userID)).Count(ctx, db) // want `count compared to zero`
	if err != nil {
		return false, err
	}
	return 0 == c, nil
}

// Unapproved says whether a post has an unapproved comment, asked as
// n >= 1 and read twice.
func Unapproved(ctx context.Context, db *sql.DB, postID int64) (string, error) { // want Unapproved:"runs \\(models\\.commentQuery\\)\\.Count \\[params 1,2\\]"
	n, err := models.Comments(qm.Where("post_id = ? AND NOT approved", postID)).Count(ctx, db) // want `count compared to zero`
	if err != nil {
		return "", err
	}
	if n >= 1 {
		return "pending", nil
	}
	if n < 1 {
		return "clear", nil
	}
	return "", nil
}
