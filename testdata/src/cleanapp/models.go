package cleanapp

// A shop backend written the way production code is: many loops, many
// queries, and no N+1 among them. Every function here must stay silent.

import (
	"time"

	"gorm.io/gorm"
)

type Customer struct {
	gorm.Model
	Email  string
	Orders []Order
}

type Order struct {
	gorm.Model
	CustomerID uint
	Customer   Customer
	Lines      []Line
	Status     string
	Total      int64
	PaidAt     *time.Time
}

type Line struct {
	gorm.Model
	OrderID   uint
	ProductID uint
	Product   Product
	Qty       int
	Price     int64
}

type Product struct {
	gorm.Model
	SKU   string
	Stock int
}

type AuditEntry struct {
	gorm.Model
	OrderID uint
	Action  string
}
