package fixexists // want package:"reaches data access"

import (
	"context"

	"github.com/uptrace/bun"

	"example.com/bunapp/models"
)

// HasComments counts a post's comments to learn whether it has one.
func HasComments(ctx context.Context, db *bun.DB, postID int64) (bool, error) { // want HasComments:"runs \\(\\*bun\\.SelectQuery\\)\\.Count \\[params 1,2\\]"
	n, err := db.NewSelect().Model((*models.Comment)(nil)).Where("post_id = ?", postID).Count(ctx) // want `count compared to zero: \(\*bun.SelectQuery\).Count counts every matching row to learn whether there is one; ask whether a row exists instead: Exists\(ctx\) selects at most one`
	if err != nil {
		return false, err
	}
	return n > 0, nil
}

// Silent asks the other way round, its error ignored: 0 on an error,
// false on an error.
func Silent(ctx context.Context, db bun.IDB, userID int64) string { // want Silent:"runs \\(\\*bun\\.SelectQuery\\)\\.Count \\[params 1,2\\]"
	count, _ := db.NewSelect().Table("comments").Where("user_id = ?", userID).Where("approved").Count(ctx) // want `count compared to zero: \(\*bun.SelectQuery\).Count counts every matching row to learn whether there is one; ask whether a row exists instead: Exists\(ctx\) selects at most one`
	if count == 0 {
		return "none"
	}
	if 0 < count {
		return "some"
	}
	return "?"
}

// Unapproved asks per post, in a loop: an N+1 and a count compared to
// zero at once.
func Unapproved(ctx context.Context, db *bun.DB, posts []models.Post) ([]int64, error) {
	var out []int64
	for _, p := range posts {
		n, err := db.NewSelect().Model((*models.Comment)(nil)).Where("post_id = ?", p.ID).WhereOr("user_id = ?", p.AuthorID).Count(ctx) // want `N\+1 query: \(\*bun.SelectQuery\).Count runs once per element of posts` `count compared to zero`
		if err != nil {
			return nil, err
		}
		if n < 1 {
			continue
		}
		out = append(out, p.ID)
	}
	return out, nil
}

// Named: exists is taken, so the count keeps its name.
func Named(ctx context.Context, tx bun.Tx, exists bool) bool { // want Named:"runs \\(\\*bun\\.SelectQuery\\)\\.Count \\[params 1\\]"
	n, err := tx.NewSelect().Model((*models.Post)(nil)).Where("author_id = 1").Count(ctx) // want `count compared to zero: \(\*bun.SelectQuery\).Count counts every matching row to learn whether there is one; ask whether a row exists instead: Exists\(ctx\) selects at most one`
	return exists && err == nil && n != 0
}
