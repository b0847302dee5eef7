// want package:"reaches data access"

// Package domain declares the application's types and the interfaces of
// its stores; it runs no query itself.
package domain

import "context"

type User struct {
	ID   int64
	Name string
}

type Profile struct {
	UserID int64
	Bio    string
}

type Order struct {
	ID     int64
	UserID int64
}

// Store is implemented in package postgres, which the services never import.
type Store interface {
	ListUsers(ctx context.Context) ([]User, error)
	GetProfile(ctx context.Context, id int64) (Profile, error)
}

// ProfileReader is implemented by a tracing wrapper over a Store.
type ProfileReader interface {
	Profile(ctx context.Context, id int64) (Profile, error)
}

// Repo is a generic repository.
type Repo[T any] interface {
	Get(ctx context.Context, id int64) (T, error)
}

// Names is implemented in memory only.
type Names interface {
	Name(id int64) string
}

// Prices is implemented by a cache loaded once.
type Prices interface {
	Price(ctx context.Context, id int64) (int64, error)
}

// Audit is implemented by test doubles only.
type Audit interface {
	Seen(ctx context.Context, id int64) (bool, error)
}

// Notifier has several implementations, one of which stores: a loop
// calling it is not taken for an N+1.
type Notifier interface {
	Notify(ctx context.Context, id int64) error
}
