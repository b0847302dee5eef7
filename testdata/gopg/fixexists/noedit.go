// Package fixexists holds go-pg counts compared to zero: whether a row
// exists, asked by counting them all.
package fixexists

import (
	"github.com/go-pg/pg/v10"
	"github.com/go-pg/pg/v10/orm"

	"example.com/gopgapp/models"
)

// Offset: Count drops the offset, Exists keeps it. Reported, no edit.
func Offset(db *pg.DB) bool { // want Offset:"runs \\(\\*orm\\.Query\\)\\.Count \\[params 0\\]"
	n, err := db.Model((*models.Post)(nil)).Offset(10).Count() // want `count compared to zero`
	return err == nil && n > 0
}

// Distinct: Count counts distinct rows through a wrapper. No edit for
// any builder that changes the count.
func Distinct(db *pg.DB) bool { // want Distinct:"runs \\(\\*orm\\.Query\\)\\.Count \\[params 0\\]"
	n, err := db.Model((*models.Comment)(nil)).DistinctOn("post_id").Count() // want `count compared to zero`
	return err == nil && n != 0
}

// Built elsewhere: the query may carry a Limit. No edit.
func Built(q *orm.Query) bool { // want Built:"runs \\(\\*orm\\.Query\\)\\.Count \\[params 0\\]"
	n, err := q.Where("user_id = 1").Count() // want `count compared to zero`
	return err == nil && n > 0
}

// Half: n is compared with zero, and its error decides too; the
// comparison is kept exactly, but n == 1 is not a question of existence
// and is not reported.
func Half(db *pg.DB) bool { // want Half:"runs \\(\\*orm\\.Query\\)\\.Count \\[params 0\\]"
	n, err := db.Model((*models.Post)(nil)).Count()
	return err == nil && n == 1
}
