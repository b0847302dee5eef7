// Package shop is the module CI runs the custom golangci-lint on
// (.ci/golangci): one N+1 with a fix, one without, one under //nolint.
package shop

import (
	"database/sql"

	"gorm.io/gorm"
)

type Customer struct {
	ID   uint
	Name string
}

type Order struct {
	gorm.Model
	Total      int
	CustomerID uint
	Customer   Customer
}

// Receipts names each order's customer: Preload("Customer") is the fix.
func Receipts(db *gorm.DB) []string {
	var orders []Order
	db.Order("id").Find(&orders)
	var out []string
	for _, o := range orders {
		var c Customer
		db.First(&c, o.CustomerID)
		out = append(out, c.Name)
	}
	return out
}

// Stock reads each product's stock: one query with IN (…) is the remedy,
// no edit.
func Stock(db *sql.DB, ids []int64) map[int64]int {
	stock := map[int64]int{}
	for _, id := range ids {
		var n int
		db.QueryRow("SELECT n FROM stock WHERE product_id = ?", id).Scan(&n)
		stock[id] = n
	}
	return stock
}

// Audit writes one row per order, on purpose: suppressed for golangci-lint.
func Audit(db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.Exec("INSERT INTO audit (order_id) VALUES (?)", id) //nolint:nplusone // an audit row per order is the point
	}
}
