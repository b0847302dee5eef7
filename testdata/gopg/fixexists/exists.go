package fixexists // want package:"reaches data access"

import (
	"context"

	"github.com/go-pg/pg/v10"
	"github.com/go-pg/pg/v10/orm"

	"example.com/gopgapp/models"
)

// HasComments counts a post's comments to learn whether it has one.
func HasComments(db *pg.DB, postID int64) (bool, error) { // want HasComments:"runs \\(\\*orm\\.Query\\)\\.Count \\[params 0,1\\]"
	n, err := db.Model((*models.Comment)(nil)).Where("post_id = ?", postID).Count() // want `count compared to zero: \(\*orm.Query\).Count counts every matching row to learn whether there is one; ask whether a row exists instead: Exists\(\) selects at most one`
	if err != nil {
		return false, err
	}
	return n > 0, nil
}

// Silent asks the other way round through the orm.DB interface, its
// error ignored: 0 on an error, false on an error.
func Silent(ctx context.Context, db orm.DB, userID int64) string { // want Silent:"runs \\(\\*orm\\.Query\\)\\.Count \\[params 1,2\\]"
	count, _ := db.ModelContext(ctx, (*models.Comment)(nil)).Where("user_id = ?", userID).WhereOr("post_id = 0").Count() // want `count compared to zero: \(\*orm.Query\).Count counts`
	if count <= 0 {
		return "none"
	}
	return "some"
}

// Unanswered asks per post, in a transaction: an N+1 and a count
// compared to zero at once.
func Unanswered(tx *pg.Tx, posts []models.Post) ([]int64, error) {
	var out []int64
	for _, p := range posts {
		n, err := tx.Model((*models.Comment)(nil)).Where("post_id = ?", p.ID).Count() // want `N\+1 query: \(\*orm.Query\).Count runs once per element of posts` `count compared to zero`
		if err != nil {
			return nil, err
		}
		if 1 > n {
			out = append(out, p.ID)
		}
	}
	return out, nil
}
