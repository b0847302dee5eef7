// Package blog is a small GORM application with one N+1 query, used by the
// README's first command and by CI's smoke test.
package blog

import (
	"context"

	"gorm.io/gorm"
)

type Author struct {
	gorm.Model
	Name string
}

type Article struct {
	gorm.Model
	Title    string
	AuthorID uint
	Author   Author
}

// Bylines lists "title, by author" for the latest articles.
func Bylines(ctx context.Context, db *gorm.DB) ([]string, error) {
	var articles []Article
	if err := db.WithContext(ctx).Order("created_at desc").Limit(20).Find(&articles).Error; err != nil {
		return nil, err
	}
	out := make([]string, 0, len(articles))
	for _, a := range articles {
		author, err := authorOf(ctx, db, a.AuthorID)
		if err != nil {
			return nil, err
		}
		out = append(out, a.Title+", by "+author.Name)
	}
	return out, nil
}

func authorOf(ctx context.Context, db *gorm.DB, id uint) (Author, error) {
	var au Author
	err := db.WithContext(ctx).First(&au, id).Error
	return au, err
}
