// Package migrate applies a list of migration files, each in its own // want package:"reaches data access"
// transaction, recording each version: a list applied, not an N+1.
package migrate

import (
	"io/fs"
	"sort"

	"github.com/jmoiron/sqlx"
)

// Migration is one file's statements.
type Migration struct {
	Version int
	SQL     string
}

// Apply runs each migration's text and records its version.
func Apply(db *sqlx.DB, ms []Migration) error { // want Apply:"runs \\(\\*sql.Tx\\).Exec \\[params 0\\] \\[script 1\\]"
	for _, m := range ms {
		tx, err := db.Beginx()
		if err != nil {
			return err
		}
		if _, err := tx.Exec(m.SQL); err != nil {
			tx.Rollback()
			return err
		}
		if _, err := tx.Exec("INSERT INTO schema_migrations (version) VALUES ($1)", m.Version); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// ApplyFiles reads each file and applies it through a helper.
func ApplyFiles(db *sqlx.DB, fsys fs.FS) error {
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for i, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		if err := applyOne(db, i+1, string(b)); err != nil {
			return err
		}
	}
	return nil
}

func applyOne(db *sqlx.DB, version int, text string) error { // want applyOne:"runs \\(\\*sqlx.DB\\).MustExec \\[params 0,1\\] \\[script 2\\]"
	db.MustExec(text)
	db.MustExec("UPDATE schema_version SET version = $1", version)
	return nil
}

// Versions records versions in a loop that runs no script: an N+1.
func Versions(db *sqlx.DB, ms []Migration) {
	for _, m := range ms {
		db.MustExec("INSERT INTO schema_migrations (version) VALUES ($1)", m.Version) // want `\(\*sqlx.DB\).MustExec runs once per element of ms`
	}
}

// Step is a migration written as a function.
type Step struct {
	Version string
	Up      func(tx *sqlx.Tx) error
}

// RunSteps runs each step's function and records its version: each
// iteration runs different code, a list applied.
func RunSteps(db *sqlx.DB, steps []Step) error {
	for _, s := range steps {
		tx := db.MustBegin()
		if err := s.Up(tx); err != nil {
			return err
		}
		tx.MustExec("INSERT INTO schema_migrations (version) VALUES ($1)", s.Version)
		tx.Commit()
	}
	return nil
}
