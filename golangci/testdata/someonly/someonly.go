// Package someonly is analyzed with read-per-element disabled. // want package:"reaches data access"
package someonly

import "database/sql"

func Names(db *sql.DB, ids []int64) []string {
	var names []string
	for _, id := range ids {
		var name string
		db.QueryRow("SELECT name FROM authors WHERE id = ?", id).Scan(&name)
		names = append(names, name)
	}
	return names
}

func Touch(db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.Exec("UPDATE authors SET seen = true WHERE id = ?", id) // want `N\+1 query: \(\*sql.DB\).Exec runs once per element of ids`
	}
}
