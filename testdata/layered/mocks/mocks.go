// Package mocks holds test doubles of the domain's interfaces. // want package:"reaches data access"
package mocks

import (
	"context"
	"database/sql"
)

// Audit answers from a scratch database the tests fill.
type Audit struct{ DB *sql.DB }

func (a Audit) Seen(ctx context.Context, id int64) (bool, error) { // want Seen:"runs \\(\\*sql.DB\\).QueryRowContext \\[params 0,2\\]"
	var n int
	err := a.DB.QueryRowContext(ctx, "SELECT count(*) FROM seen WHERE id = ?", id).Scan(&n) // want "count compared to zero"
	return n > 0, err
}
