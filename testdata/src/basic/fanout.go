package basic // want package:"reaches data access"

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// Loops over connections and components fan out; they are no N+1.
type repository struct {
	db    *gorm.DB
	table string
}

func (r *repository) Ping() error { return r.db.Exec("SELECT 1").Error } // want Ping:"runs \\(\\*gorm.DB\\).Exec \\[params 0\\]"

func FanOut(shards []*gorm.DB, repos []*repository, tables []string, db *gorm.DB) int64 { // want FanOut:"runs \\(\\*gorm.DB\\).Count"
	var total int64
	for _, shard := range shards {
		var n int64
		shard.Model(&Post{}).Count(&n)
		total += n
	}
	for _, r := range repos {
		r.Ping()
	}
	// A table per element changes the statement's shape, not its data.
	for _, t := range tables {
		var n int64
		db.Table(t).Count(&n)
		total += n
	}
	return total
}

// A per-element context (deadline, values) carries no data into a query.
func PerElementContext(ctx context.Context, db *gorm.DB, posts []Post) { // want PerElementContext:"runs \\(\\*gorm.DB\\).First \\[params 1\\]"
	for _, p := range posts {
		pctx, cancel := context.WithTimeout(context.WithValue(ctx, ctxKey{}, p.ID), time.Second)
		var s Setting
		db.WithContext(pctx).First(&s, "key = ?", "motd")
		var banner Setting
		bannerKey(context.WithValue(ctx, ctxKey{}, p.Title), &banner)
		db.First(&banner, "key = ?", banner.Key)
		cancel()
	}
}

// bannerKey fills in the key of the banner for ctx's locale.
func bannerKey(ctx context.Context, out *Setting) { out.Key = "banner" }

type ctxKey struct{}

// A literal list behind len() is still a literal list.
func SeedByIndex(db *gorm.DB) { // want SeedByIndex:"runs \\(\\*gorm.DB\\).Create"
	names := []string{"go", "sql"}
	for i := 0; i < len(names); i++ {
		db.Create(&Tag{Name: names[i]})
	}
	for i := range len(names) {
		db.Create(&Tag{Name: names[i]})
	}
}

// A table per element, with per-element data too, is still reported.
func TablePlusData(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		db.Table("archived_"+p.Title).Where("post_id = ?", p.ID).Delete(&Comment{}) // want `\(\*gorm.DB\).Delete runs once per element of posts`
	}
}
