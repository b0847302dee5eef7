// Package store is a repository built with squirrel. // want package:"reaches data access"
package store

import (
	"context"
	"database/sql"

	sq "github.com/Masterminds/squirrel"
)

// Store runs the queries.
type Store struct {
	db *sql.DB
	sb sq.StatementBuilderType
}

// New returns a store over db.
func New(db *sql.DB) *Store {
	return &Store{db: db, sb: sq.StatementBuilder.PlaceholderFormat(sq.Dollar).RunWith(db)}
}

// UserIDs lists the users.
func (s *Store) UserIDs(ctx context.Context) ([]int64, error) { // want UserIDs:"runs \\(squirrel.SelectBuilder\\).QueryContext \\[params 0\\]"
	rows, err := s.sb.Select("id").From("users").QueryContext(ctx)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Email reads one user's email.
func (s *Store) Email(ctx context.Context, id int64) (string, error) { // want Email:"runs \\(squirrel.SelectBuilder\\).ScanContext \\[params 0,2\\]"
	var e string
	err := s.sb.Select("email").From("users").Where(sq.Eq{"id": id}).ScanContext(ctx, &e)
	return e, err
}
