// Package fixexists holds bun counts compared to zero: whether a row
// exists, asked by counting them all.
package fixexists

import (
	"context"

	"github.com/uptrace/bun"

	"example.com/bunapp/models"
)

// Offset: Count drops the offset, Exists keeps it. Reported, no edit.
func Offset(ctx context.Context, db *bun.DB) bool { // want Offset:"runs \\(\\*bun\\.SelectQuery\\)\\.Count \\[params 1\\]"
	n, err := db.NewSelect().Model((*models.Post)(nil)).Offset(10).Count(ctx) // want `count compared to zero`
	return err == nil && n > 0
}

// Grouped: Count counts the groups; a group without rows is none, but a
// Having would differ. No edit for any builder that changes the count.
func Grouped(ctx context.Context, db *bun.DB) bool { // want Grouped:"runs \\(\\*bun\\.SelectQuery\\)\\.Count \\[params 1\\]"
	n, err := db.NewSelect().Model((*models.Comment)(nil)).Group("post_id").Having("count(*) > 2").Count(ctx) // want `count compared to zero`
	return err == nil && n > 0
}

// Built elsewhere: the query may carry a Limit. No edit.
func Built(ctx context.Context, q *bun.SelectQuery) bool { // want Built:"runs \\(\\*bun\\.SelectQuery\\)\\.Count \\[params 1\\]"
	n, err := q.Where("approved").Count(ctx) // want `count compared to zero`
	return err == nil && n > 0
}

// Verdict is a named boolean: a bool would not fit where n > 0 stood.
type Verdict bool

// Typed: the comparison is a Verdict. No edit.
func Typed(ctx context.Context, db *bun.DB) Verdict { // want Typed:"runs \\(\\*bun\\.SelectQuery\\)\\.Count \\[params 1\\]"
	n, err := db.NewSelect().Model((*models.Post)(nil)).Count(ctx) // want `count compared to zero`
	var v Verdict = err == nil && n > 0
	return v
}

// Assigned: n is declared before, := only assigns it. No edit.
func Assigned(ctx context.Context, db *bun.DB) bool { // want Assigned:"runs \\(\\*bun\\.SelectQuery\\)\\.Count \\[params 1\\]"
	var n int64
	n, err := db.NewSelect().Model((*models.Post)(nil)).Count(ctx)
	return err == nil && n > 0
}

// Counted: n is also a number here, not reported.
func Counted(ctx context.Context, db *bun.DB) int64 { // want Counted:"runs \\(\\*bun\\.SelectQuery\\)\\.Count \\[params 1\\]"
	n, _ := db.NewSelect().Model((*models.Post)(nil)).Count(ctx)
	if n > 0 {
		return n
	}
	return 0
}
