package basic

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"
)

// The query does not depend on the element: not an N+1.
func Invariant(db *gorm.DB, posts []Post) []string { // want Invariant:"runs \\(\\*gorm.DB\\).First"
	var out []string
	for _, p := range posts {
		var s Setting
		db.First(&s, "key = ?", "title_prefix")
		out = append(out, s.Value+p.Title)
	}
	return out
}

// Keys collected in the loop, one query after it.
func CollectThenQuery(db *gorm.DB) []Author { // want CollectThenQuery:"runs \\(\\*gorm.DB\\).Find"
	var posts []Post
	db.Find(&posts)
	ids := make([]uint, 0, len(posts))
	for _, p := range posts {
		ids = append(ids, p.AuthorID)
	}
	var authors []Author
	db.Where("id IN ?", ids).Find(&authors)
	return authors
}

// A chunk per iteration is batching.
func Chunked(db *gorm.DB, ids []uint) { // want Chunked:"runs \\(\\*gorm.DB\\).Find"
	const size = 500
	for i := 0; i < len(ids); i += size {
		end := min(i+size, len(ids))
		var cs []Comment
		db.Where("post_id IN ?", ids[i:end]).Find(&cs)
	}
}

func Batches(db *gorm.DB, batches [][]Comment) { // want Batches:"runs \\(\\*gorm.DB\\).Create"
	for _, batch := range batches {
		db.Create(&batch)
	}
}

// Writes of a whole slice.
func CreateAll(db *gorm.DB, comments []Comment) { // want CreateAll:"runs \\(\\*gorm.DB\\).Create"
	db.Create(&comments)
	db.CreateInBatches(comments, 100)
}

// Literal lists: models to migrate, fixed seeds.
func Migrate(db *gorm.DB) error { // want Migrate:"runs \\(\\*gorm.DB\\).FirstOrCreate"
	for _, m := range []any{&Author{}, &Post{}, &Comment{}} {
		if err := db.AutoMigrate(m); err != nil {
			return err
		}
	}
	defaults := []Setting{{"theme", "dark"}, {"lang", "en"}}
	for _, s := range defaults {
		db.FirstOrCreate(&s, Setting{Key: s.Key})
	}
	return nil
}

var tables = []string{"posts", "comments"}

// Schema statements per table are DDL, not N+1s.
func Truncate(db *gorm.DB, extra []string) { // want Truncate:"runs \\(\\*gorm.DB\\).Exec"
	for _, t := range tables {
		db.Exec("TRUNCATE " + t)
	}
	for _, t := range extra {
		db.Exec(fmt.Sprintf("ANALYZE %s", t))
	}
	for range extra {
		db.Exec("CREATE INDEX IF NOT EXISTS idx_a ON posts(author_id)")
	}
}

// Polling, workers and retries are not loops over a collection.
func Poll(db *gorm.DB, jobs <-chan uint, p Post) { // want Poll:"runs \\(\\*gorm.DB\\).Count"
	for {
		var n int64
		db.Model(&Comment{}).Where("post_id = ?", p.ID).Count(&n) // want `count compared to zero`
		if n > 0 {
			break
		}
		time.Sleep(time.Second)
	}
	for id := range jobs {
		db.First(&Post{}, id)
	}
	for attempt := 0; attempt < 3; attempt++ {
		if db.First(&Post{}, p.ID).Error == nil {
			break
		}
	}
	for len(jobs) > 0 {
		db.First(&Post{}, <-jobs)
	}
}

// Loops that leave after their first query run it once.
func FirstMatch(db *gorm.DB, posts []Post) (*Author, error) { // want FirstMatch:"runs \\(\\*gorm.DB\\).First"
	for _, p := range posts {
		var a Author
		err := db.First(&a, p.AuthorID).Error
		return &a, err
	}
	for _, p := range posts {
		var a Author
		if err := db.First(&a, p.AuthorID).Error; err != nil {
			break
		}
		return &a, nil
	}
	return nil, errors.New("none")
}

// The loop goes round, but the path through the query always leaves it.
func FirstPinned(db *gorm.DB, posts []Post) *Author { // want FirstPinned:"runs \\(\\*gorm.DB\\).First"
	for _, p := range posts {
		if p.Title == "" {
			continue
		}
		var a Author
		if db.First(&a, p.AuthorID).Error != nil {
			break
		}
		return &a
	}
	return nil
}

// Preloaded data read in the loop is no query.
func Preloaded(db *gorm.DB) []string { // want Preloaded:"runs \\(\\*gorm.DB\\).Find"
	var posts []Post
	db.Preload("Author").Preload("Comments", "approved = ?", true).Find(&posts)
	var names []string
	for _, p := range posts {
		names = append(names, p.Author.Name)
		for _, c := range p.Comments {
			names = append(names, c.Body)
		}
	}
	return names
}

// FindInBatches runs one query per batch; its callback runs per batch.
func InBatches(db *gorm.DB) { // want InBatches:"runs \\(\\*gorm.DB\\).FindInBatches"
	var results []Post
	db.FindInBatches(&results, 100, func(tx *gorm.DB, batch int) error {
		for i := range results {
			results[i].Title += "."
		}
		return tx.Save(&results).Error
	})
}

// Builders alone run nothing.
func BuildersOnly(db *gorm.DB, posts []Post) []*gorm.DB {
	var qs []*gorm.DB
	for _, p := range posts {
		qs = append(qs, db.Model(&Comment{}).Where("post_id = ?", p.ID).Preload("Author").Session(&gorm.Session{}))
	}
	return qs
}

// Ranging over a string iterates runes.
func Runes(db *gorm.DB, s string) { // want Runes:"runs \\(\\*gorm.DB\\).First"
	for _, r := range s {
		db.First(&Tag{}, "name = ?", string(r))
	}
}

type finder struct{ db *gorm.DB }

func (f *finder) author(id uint) Author { // want author:"runs \\(\\*gorm.DB\\).First \\[params 0,1\\]"
	var a Author
	f.db.First(&a, id)
	return a
}

func (f *finder) setting(key string) Setting { // want setting:"runs \\(\\*gorm.DB\\).First \\[params 0,1\\]"
	var s Setting
	f.db.First(&s, "key = ?", key)
	return s
}

// Calling a method with per-element arguments does not make its receiver
// per-element: the invariant query on the same receiver is not reported.
func SharedReceiver(db *gorm.DB, posts []Post) { // want SharedReceiver:"runs \\(\\*gorm.DB\\).First via \\(\\*basic.finder\\).setting \\[params 0\\]"
	f := &finder{db: db}
	for _, p := range posts {
		_ = f.author(p.AuthorID) // want `\(\*basic.finder\).author runs \(\*gorm.DB\).First once per element of posts`
		_ = f.setting("motd")
	}
}

// Variables the loop reassigns from invariant values do not vary per
// element; only what is computed from the element (or index) does.
func Reassigned(db *gorm.DB, posts []Post, byID map[uint]Post) { // want Reassigned:"runs \\(\\*gorm.DB\\).First"
	tx := db
	var s Setting
	for _, p := range posts {
		tx.First(&s, "key = ?", "motd")
		tx = db.Session(&gorm.Session{})
		_ = p
	}
	for id := range byID {
		tx.First(&s, "key = ?", "motd")
		tx = db.Session(&gorm.Session{})
		_ = id
	}
	rows, _ := db.Model(&Post{}).Rows()
	for rows.Next() {
		tx.First(&s, "key = ?", "motd")
		tx = db.Session(&gorm.Session{})
	}
}

// Chunks from an iterator are batches too.
func ChunkedIter(db *gorm.DB, ids []uint) { // want ChunkedIter:"runs \\(\\*gorm.DB\\).Find"
	for chunk := range slices.Chunk(ids, 500) {
		var cs []Comment
		db.Where("post_id IN ?", chunk).Find(&cs)
	}
}

type tally struct {
	Tenant string
	Views  int
}

// Memory is tracked per field: accumulating the element into one field
// does not make another field per-element.
func Tally(db *gorm.DB, posts []Post, tenant string) tally { // want Tally:"runs \\(\\*gorm.DB\\).Count"
	t := tally{Tenant: tenant}
	for _, p := range posts {
		t.Views += len(p.Title)
		var n int64
		db.Model(&Comment{}).Where("tenant = ?", t.Tenant).Count(&n)
	}
	return t
}

// A field set from the element still makes queries on it per-element.
func FieldSet(db *gorm.DB, posts []Post) {
	var probe Comment
	for _, p := range posts {
		probe.PostID = p.ID
		db.Where(&probe).First(&Comment{}) // want `\(\*gorm.DB\).First runs once per element of posts`
		db.Where("post_id = ?", probe.PostID).Find(&[]Comment{}) // want `\(\*gorm.DB\).Find runs once per element of posts`
	}
}
