// Package service calls the store once per user: N+1s through another // want package:"reaches data access"
// package's methods, closures and goroutines.
package service

import (
	"context"
	"sync"

	"example.com/sqlapp/store"
)

// OrderCounts asks the store once per user.
func OrderCounts(ctx context.Context, s *store.Store) (map[int64]int, error) { // want OrderCounts:"runs \\(\\*sql.DB\\).QueryContext via \\(\\*store.Store\\).Users \\[params 1\\]"
	users, err := s.Users(ctx)
	if err != nil {
		return nil, err
	}
	out := map[int64]int{}
	for _, u := range users {
		n, err := s.OrderCount(ctx, u.ID) // want `\(\*store.Store\).OrderCount runs \(\*sql.DB\).QueryRowContext once per element of users \(loop at service.go:19; users from \(\*store.Store\).Users at service.go:14\)`
		if err != nil {
			return nil, err
		}
		out[u.ID] = n
	}
	return out, nil
}

// OrderCountsAsync starts a goroutine per user.
func OrderCountsAsync(ctx context.Context, s *store.Store, users []store.User) []int {
	out := make([]int, len(users))
	var wg sync.WaitGroup
	for i, u := range users {
		wg.Go(func() {
			out[i], _ = s.OrderCount(ctx, u.ID) // want `\(\*store.Store\).OrderCount runs \(\*sql.DB\).QueryRowContext once per element of users`
		})
	}
	wg.Wait()
	return out
}

// OrderCountsBatched asks once for all users: no N+1.
func OrderCountsBatched(ctx context.Context, s *store.Store) (map[int64]int, error) { // want OrderCountsBatched:"runs \\(\\*sql.DB\\).QueryContext via \\(\\*store.Store\\).Users \\[params 1\\]"
	users, err := s.Users(ctx)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(users))
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	return s.OrderCounts(ctx, ids)
}
