package basic

import (
	"database/sql"

	"example.com/sqlapp/defaults"
)

// Seed inserts the built-in settings of another package: a fixed list
// written in the source, one statement per setting.
func Seed(db *sql.DB) error { // want Seed:"runs \\(\\*sql.DB\\).Exec \\[params 0\\]"
	for _, s := range defaults.Settings {
		if _, err := db.Exec("INSERT INTO settings (key, value) VALUES (?, ?)", s.Key, s.Value); err != nil {
			return err
		}
	}
	return nil
}

// StoreLoaded writes the settings loaded at start: another package
// replaces that list, so it is data.
func StoreLoaded(db *sql.DB) error {
	for _, s := range defaults.Loaded {
		if _, err := db.Exec("INSERT INTO settings (key, value) VALUES (?, ?)", s.Key, s.Value); err != nil { // want `N\+1 query: \(\*sql\.DB\)\.Exec runs once per element of defaults\.Loaded`
			return err
		}
	}
	return nil
}

// StorePending writes a map filled at run time.
func StorePending(db *sql.DB) error {
	for k, v := range defaults.Pending {
		if _, err := db.Exec("INSERT INTO settings (key, value) VALUES (?, ?)", k, v); err != nil { // want `N\+1 query: \(\*sql\.DB\)\.Exec runs once per element of defaults\.Pending`
			return err
		}
	}
	return nil
}
