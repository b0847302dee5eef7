package service

import (
	"context"
	"database/sql"
	"testing"

	"example.com/layered/domain"
)

// fakeAudit is a test double running its queries on a scratch database.
type fakeAudit struct{ db *sql.DB }

func (f fakeAudit) Seen(ctx context.Context, id int64) (bool, error) { // want Seen:"runs \\(\\*sql.DB\\).QueryRowContext \\[params 0,2\\]"
	var n int
	err := f.db.QueryRowContext(ctx, "SELECT count(*) FROM seen WHERE id = ?", id).Scan(&n)
	return n > 0, err
}

func TestUnseen(t *testing.T) {
	s := &Service{audit: fakeAudit{}}
	_ = s
	_ = domain.User{}
}
