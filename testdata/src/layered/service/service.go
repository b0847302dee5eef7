package service // want package:"reaches data access"

// A service layer that only knows the repository interfaces.

import (
	"context"

	"example.com/app/layered/repository"
)

type OrderService struct {
	users  repository.UserRepository
	orders repository.OrderRepository
	clock  repository.Clock
}

func (s *OrderService) Buyers(ctx context.Context) ([]string, error) { // want Buyers:"runs \\(\\*gorm.DB\\).Find via \\(repository.OrderRepository\\).ListRecent → \\(repository.orderRepository\\).ListRecent"
	orders, err := s.orders.ListRecent(ctx)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, o := range orders {
		u, err := s.users.FindByID(ctx, o.UserID) // want `N\+1 query: \(repository.UserRepository\).FindByID runs \(\*gorm.DB\).First via \(\*repository.userRepository\).FindByID once per element of orders \(loop at service.go:23; orders from \(repository.OrderRepository\).ListRecent at service.go:18\)`
		if err != nil {
			return nil, err
		}
		names = append(names, u.Name)
	}
	return names, nil
}

// Negatives: an invariant interface query; an interface without queries.
func (s *OrderService) Stamps(ctx context.Context, orders []repository.Order) []int64 { // want Stamps:"runs \\(\\*gorm.DB\\).Count via"
	var out []int64
	for range orders {
		n, _ := s.users.Count(ctx)
		out = append(out, n+s.clock.Now())
	}
	return out
}
