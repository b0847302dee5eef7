// Package tests holds querycount's execution tests, in a module of their
// own so that the libraries they run (GORM, sqlx, an embedded SQLite)
// reach neither the core module's graph nor its adapters'.
package tests
