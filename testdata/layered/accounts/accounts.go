// Package accounts holds its queries behind function values. // want package:"reaches data access"
package accounts

import (
	"context"
	"database/sql"
)

type Account struct {
	ID      int64
	Balance int64
}

type Accounts struct {
	db *sql.DB
	// load is set in the constructor to a method value.
	load func(ctx context.Context, id int64) (Account, error)
	// label has two candidates, one of which runs no query.
	label func(id int64) string
	// check comes from the caller: unknown.
	check func(ctx context.Context, id int64) error
}

func New(db *sql.DB, check func(ctx context.Context, id int64) error, cached bool) *Accounts {
	a := &Accounts{db: db, check: check}
	a.load = a.loadFromDB
	a.label = a.labelFromDB
	if cached {
		a.label = func(id int64) string { return "account" }
	}
	return a
}

func (a *Accounts) loadFromDB(ctx context.Context, id int64) (Account, error) { // want loadFromDB:"runs \\(\\*sql.DB\\).QueryRowContext \\[params 0,2\\]"
	var acc Account
	err := a.db.QueryRowContext(ctx, "SELECT id, balance FROM accounts WHERE id = ?", id).Scan(&acc.ID, &acc.Balance)
	return acc, err
}

func (a *Accounts) labelFromDB(id int64) string { // want labelFromDB:"runs \\(\\*sql.DB\\).QueryRow \\[params 0,1\\]"
	var s string
	_ = a.db.QueryRow("SELECT label FROM accounts WHERE id = ?", id).Scan(&s)
	return s
}

// balanceOf is a package variable set to a function that queries.
var balanceOf = queryBalance

func queryBalance(db *sql.DB, id int64) int64 { // want queryBalance:"runs \\(\\*sql.DB\\).QueryRow \\[params 0,1\\]"
	var b int64
	_ = db.QueryRow("SELECT balance FROM accounts WHERE id = ?", id).Scan(&b)
	return b
}

// Load reads one account per id through the field (an N+1).
func (a *Accounts) Load(ctx context.Context, ids []int64) []Account {
	var out []Account
	for _, id := range ids {
		acc, _ := a.load(ctx, id) // want `a.load runs \(\*sql.DB\).QueryRowContext via \(\*accounts.Accounts\).loadFromDB once per element of ids`
		out = append(out, acc)
	}
	return out
}

// Balances reads one balance per id through the package variable (an N+1).
func (a *Accounts) Balances(ids []int64) int64 {
	var sum int64
	for _, id := range ids {
		sum += balanceOf(a.db, id) // want `balanceOf runs \(\*sql.DB\).QueryRow via accounts.queryBalance once per element of ids`
	}
	return sum
}

// Labels goes through a field with a candidate that runs no query: left alone.
func (a *Accounts) Labels(ids []int64) []string {
	var out []string
	for _, id := range ids {
		out = append(out, a.label(id))
	}
	return out
}

// Check calls a function the caller gave: unknown, left alone.
func (a *Accounts) Check(ctx context.Context, ids []int64) {
	for _, id := range ids {
		_ = a.check(ctx, id)
	}
}
