package closures // want package:"reaches data access"

// Queries in closures, goroutines, iterators and transactions.

import (
	"context"
	"iter"
	"maps"
	"slices"
	"sync"

	"golang.org/x/sync/errgroup"
	"gorm.io/gorm"
)

type Post struct {
	ID       uint
	AuthorID uint
}

type Author struct {
	ID   uint
	Name string
}

func ClosureInLoop(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		load := func() Author {
			var a Author
			db.First(&a, p.AuthorID) // want `\(\*gorm.DB\).First runs once per element of posts`
			return a
		}
		_ = load()
	}
}

func ClosureBeforeLoop(db *gorm.DB, posts []Post) {
	load := func(id uint) Author {
		var a Author
		db.First(&a, id)
		return a
	}
	for _, p := range posts {
		_ = load(p.AuthorID) // want `func literal runs \(\*gorm.DB\).First once per element of posts`
	}
}

func Goroutines(db *gorm.DB, posts []Post) {
	var wg sync.WaitGroup
	for _, p := range posts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db.First(&Author{}, p.AuthorID) // want `\(\*gorm.DB\).First runs once per element of posts`
		}()
	}
	wg.Wait()
	for _, p := range posts {
		go func(id uint) {
			db.First(&Author{}, id) // want `\(\*gorm.DB\).First runs once per element of posts`
		}(p.AuthorID)
	}
}

func WaitGroupGo(db *gorm.DB, posts []Post) {
	var wg sync.WaitGroup
	for _, p := range posts {
		wg.Go(func() {
			db.First(&Author{}, p.AuthorID) // want `\(\*gorm.DB\).First runs once per element of posts`
		})
	}
	wg.Wait()
}

func ErrGroup(ctx context.Context, db *gorm.DB, posts []Post) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, p := range posts {
		g.Go(func() error {
			return db.WithContext(ctx).First(&Author{}, p.AuthorID).Error // want `\(\*gorm.DB\).First runs once per element of posts`
		})
	}
	return g.Wait()
}

func Transactions(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		db.Transaction(func(tx *gorm.DB) error {
			return tx.Model(&Post{}).Where("id = ?", p.ID).Update("views", 0).Error // want `\(\*gorm.DB\).Update runs once per element of posts`
		})
	}
}

func RangeOverFunc(db *gorm.DB, posts []Post, byID map[uint]Post) {
	for p := range slices.Values(posts) {
		db.First(&Author{}, p.AuthorID) // want `\(\*gorm.DB\).First runs once per element of posts`
	}
	for id := range maps.Keys(byID) {
		db.Delete(&Post{}, id) // want `\(\*gorm.DB\).Delete runs once per element of byID`
	}
}

// An iterator of this package over query results. Calling All runs no
// query; ranging over its result does.
func All(db *gorm.DB) iter.Seq[Post] {
	return func(yield func(Post) bool) {
		var posts []Post
		db.Find(&posts)
		for _, p := range posts {
			if !yield(p) {
				return
			}
		}
	}
}

func OverIterator(db *gorm.DB) {
	for p := range All(db) {
		db.First(&Author{}, p.AuthorID) // want `\(\*gorm.DB\).First runs once per element of All\(db\)`
	}
}

// Negatives: a worker pool reading a channel; an invariant closure; a
// closure built per element but never called in the loop.
func Negatives(db *gorm.DB, posts []Post, jobs chan Post) []func() { // want Negatives:"runs \\(\\*gorm.DB\\).First via \\(\\*sync.WaitGroup\\).Go"
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for p := range jobs {
				db.First(&Author{}, p.AuthorID)
			}
		})
	}
	wg.Wait()
	var later []func()
	for _, p := range posts {
		later = append(later, func() { db.First(&Author{}, p.AuthorID) })
		func() { db.Find(&[]Author{}) }()
	}
	return later
}
