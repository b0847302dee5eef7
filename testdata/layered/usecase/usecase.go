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
