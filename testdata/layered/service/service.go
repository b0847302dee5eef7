// Package service holds the application's logic; it sees only the // want package:"reaches data access"
// domain's interfaces.
package service

import (
	"context"

	"example.com/layered/dbx"
	"example.com/layered/domain"
)

type Service struct {
	store  domain.Store
	reader domain.ProfileReader
	orders domain.Repo[domain.Order]
	names  domain.Names
	prices domain.Prices
	audit  domain.Audit
	kv     *dbx.Client
}

func New(store domain.Store, reader domain.ProfileReader, orders domain.Repo[domain.Order], names domain.Names, prices domain.Prices, audit domain.Audit, kv *dbx.Client) *Service {
	return &Service{store: store, reader: reader, orders: orders, names: names, prices: prices, audit: audit, kv: kv}
}

// Profiles runs one query per user through the Store (an N+1).
func (s *Service) Profiles(ctx context.Context) ([]domain.Profile, error) { // want Profiles:"runs \\(\\*sql.DB\\).QueryContext via \\(domain.Store\\).ListUsers → \\(\\*postgres.Store\\).ListUsers \\[params none\\]"
	users, err := s.store.ListUsers(ctx)
	if err != nil {
		return nil, err
	}
	var out []domain.Profile
	for _, u := range users {
		p, err := s.store.GetProfile(ctx, u.ID) // want `\(domain.Store\).GetProfile runs \(\*sql.DB\).QueryRowContext via \(\*postgres.Store\).GetProfile once per element of users \(loop at service.go:33; users from \(domain.Store\).ListUsers`
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// Traced goes through the tracing wrapper over the Store (an N+1).
func (s *Service) Traced(ctx context.Context, users []domain.User) []domain.Profile {
	var out []domain.Profile
	for _, u := range users {
		p, _ := s.reader.Profile(ctx, u.ID) // want `\(domain.ProfileReader\).Profile runs \(\*sql.DB\).QueryRowContext via \(tracing.Reader\).Profile → \(domain.Store\).GetProfile → \(\*postgres.Store\).GetProfile once per element of users`
		out = append(out, p)
	}
	return out
}

// LastOrders reads one order per user through the generic Repo (an N+1).
func (s *Service) LastOrders(ctx context.Context, users []domain.User) []domain.Order {
	var out []domain.Order
	for _, u := range users {
		o, _ := s.orders.Get(ctx, u.ID) // want `\(domain.Repo\).Get runs \(\*sql.DB\).QueryRowContext via \(\*postgres.Repo\).Get once per element of users`
		out = append(out, o)
	}
	return out
}

// Labels maps names in memory: no query.
func (s *Service) Labels(users []domain.User) []string {
	var out []string
	for _, u := range users {
		out = append(out, s.names.Name(u.ID))
	}
	return out
}

// Total reads prices from a cache loaded once: no query per user.
func (s *Service) Total(ctx context.Context, users []domain.User) int64 {
	var sum int64
	for _, u := range users {
		p, _ := s.prices.Price(ctx, u.ID)
		sum += p
	}
	return sum
}

// Unseen asks the Audit, implemented only by test doubles: not reported.
func (s *Service) Unseen(ctx context.Context, users []domain.User) int {
	n := 0
	for _, u := range users {
		if ok, _ := s.audit.Seen(ctx, u.ID); !ok {
			n++
		}
	}
	return n
}

// Blobs reads one key per user through the team's own client: reported
// when its Get is declared (-queries='(*example.com/layered/dbx.Client).Get').
func (s *Service) Blobs(ctx context.Context, users []domain.User) [][]byte {
	var out [][]byte
	for _, u := range users {
		b, _ := s.kv.Get(ctx, u.Name) // want `\(\*dbx.Client\).Get runs once per element of users`
		out = append(out, b)
	}
	return out
}

// NotifyAll goes through an interface one of three implementations of
// which stores: left alone.
func NotifyAll(ctx context.Context, n domain.Notifier, users []domain.User) {
	for _, u := range users {
		_ = n.Notify(ctx, u.ID)
	}
}
