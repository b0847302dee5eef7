package repository // want package:"reaches data access"

// The repository shape: an interface, an unexported implementation and a
// constructor returning the interface.

import (
	"context"

	"gorm.io/gorm"
)

type User struct {
	ID   uint
	Name string
}

type Order struct {
	ID     uint
	UserID uint
}

// UserRepository loads users.
type UserRepository interface {
	FindByID(ctx context.Context, id uint) (*User, error) // want FindByID:"runs \\(\\*gorm.DB\\).First via \\(\\*repository.userRepository\\).FindByID \\[params 1\\]"
	Count(ctx context.Context) (int64, error)             // want Count:"runs \\(\\*gorm.DB\\).Count via \\(\\*repository.userRepository\\).Count \\[params none\\]"
}

type userRepository struct{ db *gorm.DB }

// NewUserRepository returns the GORM implementation.
func NewUserRepository(db *gorm.DB) UserRepository { return &userRepository{db: db} }

func (r *userRepository) FindByID(ctx context.Context, id uint) (*User, error) { // want FindByID:"runs \\(\\*gorm.DB\\).First \\[params 0,2\\]"
	var u User
	err := r.db.WithContext(ctx).First(&u, id).Error
	return &u, err
}

func (r *userRepository) Count(ctx context.Context) (int64, error) { // want Count:"runs \\(\\*gorm.DB\\).Count \\[params 0\\]"
	var n int64
	err := r.db.WithContext(ctx).Model(&User{}).Count(&n).Error
	return n, err
}

// OrderRepository loads orders.
type OrderRepository interface {
	ListRecent(ctx context.Context) ([]Order, error) // want ListRecent:"runs \\(\\*gorm.DB\\).Find via \\(repository.orderRepository\\).ListRecent \\[params none\\]"
}

type orderRepository struct{ db *gorm.DB }

// NewOrderRepository returns the GORM implementation.
func NewOrderRepository(db *gorm.DB) OrderRepository { return orderRepository{db} }

func (r orderRepository) ListRecent(ctx context.Context) ([]Order, error) { // want ListRecent:"runs \\(\\*gorm.DB\\).Find \\[params 0\\]"
	var os []Order
	err := r.db.WithContext(ctx).Order("id desc").Limit(50).Find(&os).Error
	return os, err
}

// Clock has no implementation running a query.
type Clock interface{ Now() int64 }

type systemClock struct{}

func (systemClock) Now() int64 { return 0 }

// Same-package use through the interface.
type reporter struct{ users UserRepository }

func (r reporter) Names(ctx context.Context, orders []Order) []string {
	var out []string
	for _, o := range orders {
		u, _ := r.users.FindByID(ctx, o.UserID) // want `\(repository.UserRepository\).FindByID runs \(\*gorm.DB\).First via \(\*repository.userRepository\).FindByID once per element of orders`
		out = append(out, u.Name)
	}
	return out
}
