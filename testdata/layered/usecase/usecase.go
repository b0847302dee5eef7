// want package:"reaches data access"

// Package usecase declares the repository it needs itself, the clean
// architecture's way: it imports no data library, and the implementation
// (postgres) satisfies the interface without naming it.
package usecase

import (
	"context"

	"example.com/layered/domain"
)

// UserRepository is what the use cases need of a store.
type UserRepository interface {
	GetUser(ctx context.Context, id int64) (domain.User, error)
}

type Usecase struct{ users UserRepository }

func New(users UserRepository) *Usecase { return &Usecase{users: users} }

// Authors reads one user per order (an N+1).
func (u *Usecase) Authors(ctx context.Context, orders []domain.Order) []domain.User {
	var out []domain.User
	for _, o := range orders {
		usr, _ := u.users.GetUser(ctx, o.UserID) // want `\(usecase.UserRepository\).GetUser runs \(\*sql.DB\).QueryRowContext via \(\*postgres.Store\).GetUser once per element of orders`
		out = append(out, usr)
	}
	return out
}

// DistinctAuthors reads one user per distinct author, the keys collected
// into a map first (an N+1 still: one query per key).
func (u *Usecase) DistinctAuthors(ctx context.Context, orders []domain.Order) []domain.User {
	ids := map[int64]bool{}
	for _, o := range orders {
		ids[o.UserID] = true
	}
	var out []domain.User
	for id := range ids {
		usr, _ := u.users.GetUser(ctx, id) // want `\(usecase.UserRepository\).GetUser runs \(\*sql.DB\).QueryRowContext via \(\*postgres.Store\).GetUser once per element of ids`
		out = append(out, usr)
	}
	return out
}

// Admins reads the users a map written in the source lists: not data.
func (u *Usecase) Admins(ctx context.Context) []domain.User { // want Admins:"runs \\(\\*sql.DB\\).QueryRowContext via \\(usecase.UserRepository\\).GetUser → \\(\\*postgres.Store\\).GetUser \\[params none\\]"
	admins := map[int64]string{}
	admins[1] = "root"
	admins[2] = "ops"
	var out []domain.User
	for id := range admins {
		usr, _ := u.users.GetUser(ctx, id)
		out = append(out, usr)
	}
	return out
}
