package helpers // want package:"reaches data access"

// Queries reached through other packages' functions.

import (
	"context"

	"gorm.io/gorm"

	"example.com/app/helpers/each"
	"example.com/app/helpers/repo"
)

func AuthorNames(ctx context.Context, db *gorm.DB) []string { // want AuthorNames:"runs \\(\\*gorm.DB\\).Find via repo.ListPosts"
	posts, err := repo.ListPosts(ctx, db)
	if err != nil {
		return nil
	}
	var names []string
	for _, p := range posts {
		a, _ := repo.AuthorOf(db, p.AuthorID) // want `N\+1 query: repo.AuthorOf runs \(\*gorm.DB\).First once per element of posts \(loop at helpers.go:20; posts from repo.ListPosts at helpers.go:15\)`
		names = append(names, a.Name)
	}
	return names
}

func CommentCounts(ctx context.Context, s *repo.Store, posts []repo.Post) map[uint]int {
	out := map[uint]int{}
	for _, p := range posts {
		out[p.ID] = len(s.CommentsOf(ctx, p.ID)) // want `\(\*repo.Store\).CommentsOf runs \(\*gorm.DB\).Find via repo.byPost once per element of posts`
	}
	return out
}

// A method of this package in between.
type service struct{ db *gorm.DB }

func (s *service) author(p repo.Post) string { // want author:"runs \\(\\*gorm.DB\\).First via repo.AuthorOf"
	a, _ := repo.AuthorOf(s.db, p.AuthorID)
	return a.Name
}

func (s *service) Byline(posts []repo.Post) []string {
	var out []string
	for _, p := range posts {
		out = append(out, s.author(p)+": "+p.Title) // want `\(\*helpers.service\).author runs \(\*gorm.DB\).First via repo.AuthorOf once per element of posts`
	}
	return out
}

// Callbacks run once per element by a higher-order function of another
// package: the closure body is the loop body.
func ViaForEach(db *gorm.DB, posts []repo.Post) {
	each.ForEach(posts, func(p repo.Post) {
		repo.AuthorOf(db, p.AuthorID) // want `repo.AuthorOf runs \(\*gorm.DB\).First once per element of posts \(loop at helpers.go:54;`
	})
}

// A callback called once, in a loop: per element through the closure.
func ViaDo(db *gorm.DB, posts []repo.Post) {
	for _, p := range posts {
		each.Do(func() error {
			_, err := repo.AuthorOf(db, p.AuthorID) // want `repo.AuthorOf runs \(\*gorm.DB\).First once per element of posts`
			return err
		})
	}
}

// Negatives: an invariant helper, a helper with no query, a helper whose
// own N+1 is reported inside it, a registered (not called) callback.
func Negatives(db *gorm.DB, posts []repo.Post) { // want Negatives:"runs \\(\\*gorm.DB\\).Find via repo.Settings"
	for _, p := range posts {
		_ = repo.Settings(db)
		_ = repo.Timestamp(p)
		_ = repo.LoadAll(db, []uint{p.AuthorID})
		each.Register(p.Title, func() { repo.AuthorOf(db, p.AuthorID) })
	}
}
