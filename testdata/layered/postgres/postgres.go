// Package postgres implements the domain's stores on database/sql. // want package:"reaches data access"
package postgres

import (
	"context"
	"database/sql"
	"sync"

	"example.com/layered/domain"
)

// Store implements domain.Store.
type Store struct{ db *sql.DB }

func NewStore(db *sql.DB) *Store { return &Store{db: db} }

func (s *Store) ListUsers(ctx context.Context) ([]domain.User, error) { // want ListUsers:"runs \\(\\*sql.DB\\).QueryContext \\[params 0\\]"
	rows, err := s.db.QueryContext(ctx, "SELECT id, name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.User
	for rows.Next() {
		var u domain.User
		if err := rows.Scan(&u.ID, &u.Name); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

func (s *Store) GetProfile(ctx context.Context, id int64) (domain.Profile, error) { // want GetProfile:"runs \\(\\*sql.DB\\).QueryRowContext \\[params 0,2\\]"
	var p domain.Profile
	err := s.db.QueryRowContext(ctx, "SELECT user_id, bio FROM profiles WHERE user_id = $1", id).Scan(&p.UserID, &p.Bio)
	return p, err
}

// Repo implements domain.Repo for any table.
type Repo[T any] struct {
	db    *sql.DB
	table string
	scan  func(*sql.Row) (T, error)
}

func NewRepo[T any](db *sql.DB, table string, scan func(*sql.Row) (T, error)) *Repo[T] {
	return &Repo[T]{db: db, table: table, scan: scan}
}

func (r *Repo[T]) Get(ctx context.Context, id int64) (T, error) { // want Get:"runs \\(\\*sql.DB\\).QueryRowContext \\[params 0,2\\]"
	return r.scan(r.db.QueryRowContext(ctx, "SELECT * FROM "+r.table+" WHERE id = $1", id))
}

// Names maps ids to names in memory.
type Names struct{ byID map[int64]string }

func (n Names) Name(id int64) string { return n.byID[id] }

// Prices loads every price once, then answers from memory.
type Prices struct {
	db     *sql.DB
	once   sync.Once
	prices map[int64]int64
}

func NewPrices(db *sql.DB) *Prices { return &Prices{db: db} }

func (p *Prices) Price(ctx context.Context, id int64) (int64, error) {
	p.once.Do(func() { p.prices = loadPrices(ctx, p.db) })
	return p.prices[id], nil
}

func loadPrices(ctx context.Context, db *sql.DB) map[int64]int64 { // want loadPrices:"runs \\(\\*sql.DB\\).QueryContext \\[params 1\\]"
	out := map[int64]int64{}
	rows, err := db.QueryContext(ctx, "SELECT id, price FROM prices")
	if err != nil {
		return out
	}
	defer rows.Close()
	for rows.Next() {
		var id, price int64
		if rows.Scan(&id, &price) == nil {
			out[id] = price
		}
	}
	return out
}

// Log records notifications in a table.
type Log struct{ db *sql.DB }

func (l Log) Notify(ctx context.Context, id int64) error { // want Notify:"runs \\(\\*sql.DB\\).ExecContext \\[params 0,2\\]"
	_, err := l.db.ExecContext(ctx, "INSERT INTO notifications (user_id) VALUES ($1)", id)
	return err
}

func (s *Store) GetUser(ctx context.Context, id int64) (domain.User, error) { // want GetUser:"runs \\(\\*sql.DB\\).QueryRowContext \\[params 0,2\\]"
	var u domain.User
	err := s.db.QueryRowContext(ctx, "SELECT id, name FROM users WHERE id = $1", id).Scan(&u.ID, &u.Name)
	return u, err
}
