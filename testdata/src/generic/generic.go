package generic // want package:"reaches data access"

// The generic gorm.G[T] API, and generic helpers.

import (
	"context"

	"gorm.io/gorm"
)

type User struct {
	ID    uint
	Name  string
	OrgID uint
}

type Org struct {
	ID   uint
	Name string
}

func OrgsOfUsers(ctx context.Context, db *gorm.DB) ([]Org, error) { // want OrgsOfUsers:"runs \\(gorm.ExecInterface\\).Find"
	users, err := gorm.G[User](db).Where("active = ?", true).Find(ctx)
	if err != nil {
		return nil, err
	}
	var orgs []Org
	for _, u := range users {
		o, err := gorm.G[Org](db).Where("id = ?", u.OrgID).First(ctx) // want `N\+1 query: \(gorm.ExecInterface\).First runs once per element of users \(loop at generic.go:28; users from \(gorm.ExecInterface\).Find at generic.go:23\)`
		if err != nil {
			return nil, err
		}
		orgs = append(orgs, o)
	}
	return orgs, nil
}

func RenameAll(ctx context.Context, db *gorm.DB, users []User) {
	for _, u := range users {
		gorm.G[User](db).Where("id = ?", u.ID).Update(ctx, "name", u.Name+"!") // want `\(gorm.ChainInterface\).Update runs once per element of users`
	}
}

// byID is a generic helper: its fact is keyed on the generic function.
func byID[T any](ctx context.Context, db *gorm.DB, id uint) (T, error) { // want byID:"runs \\(gorm.ExecInterface\\).First \\[params 1,2\\]"
	return gorm.G[T](db).Where("id = ?", id).First(ctx)
}

func ViaGenericHelper(ctx context.Context, db *gorm.DB, users []User) {
	for _, u := range users {
		byID[Org](ctx, db, u.OrgID) // want `generic.byID runs \(gorm.ExecInterface\).First once per element of users`
	}
}

// Repository[T] is a generic type; its method's fact is on the origin.
type Repository[T any] struct{ db *gorm.DB }

func (r Repository[T]) Get(ctx context.Context, id uint) (T, error) { // want Get:"runs \\(gorm.ExecInterface\\).First"
	return gorm.G[T](r.db).Where("id = ?", id).First(ctx)
}

func ViaGenericType(ctx context.Context, orgs Repository[Org], users []User) {
	for _, u := range users {
		orgs.Get(ctx, u.OrgID) // want `\(generic.Repository\).Get runs \(gorm.ExecInterface\).First once per element of users`
	}
}

// Negatives: an invariant generic query; building without running.
func Negatives(ctx context.Context, db *gorm.DB, users []User) { // want Negatives:"runs \\(gorm.ExecInterface\\).First"
	for _, u := range users {
		_, _ = gorm.G[Org](db).Where("name = ?", "root").First(ctx)
		_ = gorm.G[Org](db).Where("id = ?", u.OrgID)
	}
}
