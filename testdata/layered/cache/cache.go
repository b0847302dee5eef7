// Package cache decorates a domain.Store with an in-memory cache. // want package:"reaches data access"
package cache

import (
	"context"
	"sync"

	"example.com/layered/domain"
)

// Store caches the profiles of the Store it wraps.
type Store struct {
	domain.Store
	mu       sync.Mutex
	profiles map[int64]domain.Profile
}

func New(next domain.Store) *Store { return &Store{Store: next, profiles: map[int64]domain.Profile{}} }

func (s *Store) GetProfile(ctx context.Context, id int64) (domain.Profile, error) { // want GetProfile:"runs \\(\\*sql.DB\\).QueryRowContext via \\(domain.Store\\).GetProfile → \\(\\*postgres.Store\\).GetProfile \\[params 2\\]"
	s.mu.Lock()
	p, ok := s.profiles[id]
	s.mu.Unlock()
	if ok {
		return p, nil
	}
	p, err := s.Store.GetProfile(ctx, id)
	if err == nil {
		s.mu.Lock()
		s.profiles[id] = p
		s.mu.Unlock()
	}
	return p, err
}
