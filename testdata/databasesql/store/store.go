// Package store is a repository over database/sql, used by the service // want package:"reaches data access"
// package in scenarios that cross packages.
package store

import (
	"context"
	"database/sql"
)

// User is a row of users.
type User struct {
	ID    int64
	Name  string
	Email string
}

// Store runs the queries.
type Store struct{ db *sql.DB }

// New returns a store over db.
func New(db *sql.DB) *Store { return &Store{db: db} }

// Users lists every user.
func (s *Store) Users(ctx context.Context) ([]User, error) { // want Users:"runs \\(\\*sql.DB\\).QueryContext \\[params 0\\]"
	rows, err := s.db.QueryContext(ctx, "SELECT id, name, email FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Name, &u.Email); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// OrderCount counts a user's orders.
func (s *Store) OrderCount(ctx context.Context, userID int64) (int, error) { // want OrderCount:"runs \\(\\*sql.DB\\).QueryRowContext \\[params 0,2\\]"
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM orders WHERE user_id = $1", userID).Scan(&n)
	return n, err
}

// OrderCounts counts the orders of many users with one query.
func (s *Store) OrderCounts(ctx context.Context, ids []int64) (map[int64]int, error) { // want OrderCounts:"runs \\(\\*sql.DB\\).QueryContext \\[params 0,2\\]"
	rows, err := s.db.QueryContext(ctx, "SELECT user_id, count(*) FROM orders WHERE user_id = ANY($1) GROUP BY user_id", ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}
