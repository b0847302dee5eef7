package sqlxtest

import (
	"testing"

	"github.com/jmoiron/sqlx"

	"github.com/nplusonelint/nplusonelint/rules/databasesql"
)

// The EXISTS a count compared to zero is rewritten to answers as the
// count did, scanned into the same integer, in one statement.
func TestExistsRewrite(t *testing.T) {
	count := "SELECT COUNT(*) FROM comments WHERE post_id = ?"
	exists, ok := databasesql.ExistsText(count)
	if !ok {
		t.Fatalf("no rewrite of %q", count)
	}
	for _, id := range []int64{1, 999} {
		var before, after int
		_, nb := run(t, 3, func(db *sqlx.DB) any { return db.Get(&before, count, id) })
		_, na := run(t, 3, func(db *sqlx.DB) any { return db.Get(&after, exists, id) })
		if (before > 0) != (after > 0) || nb != 1 || na != 1 {
			t.Errorf("post %d: count %d (%d statements), exists %d (%d statements)", id, before, nb, after, na)
		}
	}
}
