package cleanapp // want package:"reaches data access"

import (
	"context"
	"log"
	"net/http"

	"golang.org/x/sync/errgroup"
	"gorm.io/gorm"
)

var models = []any{&Customer{}, &Order{}, &Line{}, &Product{}, &AuditEntry{}}

// Migrate creates the schema: literal lists and DDL.
func Migrate(db *gorm.DB) error { // want Migrate:"runs \\(\\*gorm.DB\\).Exec \\[params 0\\]"
	for _, m := range models {
		if err := db.AutoMigrate(m); err != nil {
			return err
		}
	}
	for _, stmt := range []string{
		"CREATE INDEX IF NOT EXISTS orders_status ON orders(status)",
		"CREATE INDEX IF NOT EXISTS lines_order ON lines(order_id)",
	} {
		if err := db.Exec(stmt).Error; err != nil {
			return err
		}
	}
	return nil
}

// TableSizes counts rows per table for a dashboard.
func TableSizes(ctx context.Context, db *gorm.DB, tables []string) (map[string]int64, error) { // want TableSizes:"runs \\(\\*gorm.DB\\).Count \\[params 1\\]"
	out := map[string]int64{}
	for _, t := range tables {
		var n int64
		if err := db.WithContext(ctx).Table(t).Count(&n).Error; err != nil {
			return nil, err
		}
		out[t] = n
	}
	return out, nil
}

// Health pings every replica concurrently.
func Health(ctx context.Context, replicas []*gorm.DB) error { // want Health:"runs \\(\\*gorm.DB\\).Exec via \\(\\*golang.org/x/sync/errgroup.Group\\).Go|runs \\(\\*gorm.DB\\).Exec via \\(\\*errgroup.Group\\).Go"
	g, ctx := errgroup.WithContext(ctx)
	for _, r := range replicas {
		g.Go(func() error { return r.WithContext(ctx).Exec("SELECT 1").Error })
	}
	return g.Wait()
}

// Drain consumes a queue: a worker, not a loop over a collection.
func Drain(db *gorm.DB, queue <-chan AuditEntry) { // want Drain:"runs \\(\\*gorm.DB\\).Create \\[params 0,1\\]"
	for e := range queue {
		if err := db.Create(&e).Error; err != nil {
			log.Printf("audit %d: %v", e.OrderID, err)
		}
	}
}

// Routes registers handlers in a loop; none runs during the loop.
func Routes(mux *http.ServeMux, db *gorm.DB, paths []string) {
	for _, p := range paths {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			var n int64
			db.Model(&Order{}).Where("status = ?", p).Count(&n)
		})
	}
}

// Report loads once, then logs per element.
func Report(ctx context.Context, db *gorm.DB) { // want Report:"runs \\(\\*gorm.DB\\).Find \\[params 1\\]"
	var customers []Customer
	db.WithContext(ctx).Preload("Orders", "status = ?", "open").Find(&customers)
	for _, c := range customers {
		ctx := context.WithValue(ctx, ctxKey{}, c.ID)
		log.Printf("%v %s has %d open orders", ctx.Value(ctxKey{}), c.Email, len(c.Orders))
	}
}

type ctxKey struct{}
