// Command server wires the postgres stores into the service.
package main

import (
	"context"
	"database/sql"

	"example.com/layered/cache"
	"example.com/layered/dbx"
	"example.com/layered/domain"
	"example.com/layered/postgres"
	"example.com/layered/service"
	"example.com/layered/tracing"
	"example.com/layered/usecase"
)

func main() { // want main:"runs \\(\\*sql.DB\\).QueryContext via \\(\\*service.Service\\).Profiles → \\(domain.Store\\).ListUsers → \\(\\*postgres.Store\\).ListUsers \\[params none\\]"
	db, _ := sql.Open("postgres", "")
	store := cache.New(postgres.NewStore(db))
	orders := postgres.NewRepo(db, "orders", func(r *sql.Row) (domain.Order, error) {
		var o domain.Order
		return o, r.Scan(&o.ID, &o.UserID)
	})
	svc := service.New(store, tracing.Reader{Next: store}, orders, postgres.Names{}, postgres.NewPrices(db), nil, &dbx.Client{})
	_, _ = svc.Profiles(context.Background())
	_ = usecase.New(postgres.NewStore(db))
}
