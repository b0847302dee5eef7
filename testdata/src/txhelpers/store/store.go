package store // want package:"reaches data access"

import "gorm.io/gorm"

// RunInTx hands fn on to the library's transaction runner.
func RunInTx(db *gorm.DB, fn func(*gorm.DB) error) error { // want RunInTx:"calls params 1"
	return db.Transaction(fn)
}

// WithTx wraps fn in a closure of its own before running it.
func WithTx(db *gorm.DB, fn func(tx *gorm.DB) error) error { // want WithTx:"calls params 1"
	return db.Transaction(func(tx *gorm.DB) error {
		return fn(tx.Session(&gorm.Session{}))
	})
}

// Store runs its callers' work in its own transactions.
type Store struct {
	DB    *gorm.DB
	later []func(*gorm.DB) error
}

// Atomic passes fn on through another helper.
func (s *Store) Atomic(fn func(*gorm.DB) error) error { // want Atomic:"calls params 0"
	return RunInTx(s.DB, fn)
}

// Defer keeps fn for later: it is not run here.
func (s *Store) Defer(fn func(*gorm.DB) error) {
	s.later = append(s.later, fn)
}
