package repo // want package:"reaches data access"

// A data-access layer whose functions the helpers package calls: their
// queries reach callers through facts.

import (
	"context"

	"gorm.io/gorm"
)

type Author struct {
	ID   uint
	Name string
}

type Post struct {
	ID       uint
	AuthorID uint
	Title    string
}

type Comment struct {
	ID     uint
	PostID uint
}

// AuthorOf loads one author.
func AuthorOf(db *gorm.DB, id uint) (*Author, error) { // want AuthorOf:"runs \\(\\*gorm.DB\\).First \\[params 0,1\\]"
	var a Author
	err := db.First(&a, id).Error
	return &a, err
}

// ListPosts loads every post.
func ListPosts(ctx context.Context, db *gorm.DB) ([]Post, error) { // want ListPosts:"runs \\(\\*gorm.DB\\).Find \\[params 1\\]"
	var posts []Post
	err := db.WithContext(ctx).Find(&posts).Error
	return posts, err
}

// Store wraps a connection.
type Store struct{ db *gorm.DB }

// CommentsOf goes through a second helper: a chain of two hops.
func (s *Store) CommentsOf(ctx context.Context, postID uint) []Comment { // want CommentsOf:"runs \\(\\*gorm.DB\\).Find via repo.byPost \\[params 0,2\\]"
	return byPost(s.db.WithContext(ctx), postID)
}

func byPost(db *gorm.DB, postID uint) []Comment { // want byPost:"runs \\(\\*gorm.DB\\).Find \\[params 0,1\\]"
	var cs []Comment
	db.Where("post_id = ?", postID).Find(&cs)
	return cs
}

// Settings depends on nothing its caller passes but the connection.
func Settings(db *gorm.DB) map[string]string { // want Settings:"runs \\(\\*gorm.DB\\).Find \\[params 0\\]"
	var rows []struct{ K, V string }
	db.Table("settings").Find(&rows)
	out := map[string]string{}
	for _, r := range rows {
		out[r.K] = r.V
	}
	return out
}

// LoadAll has its own N+1, reported here; callers are not told again.
func LoadAll(db *gorm.DB, ids []uint) []Author {
	var out []Author
	for _, id := range ids {
		var a Author
		db.First(&a, id) // want `\(\*gorm.DB\).First runs once per element of ids`
		out = append(out, a)
	}
	return out
}

// DB is the package's connection, for helpers that take none.
var DB *gorm.DB

// LoadAuthor loads p's author through the package connection.
func LoadAuthor(p Post) { // want LoadAuthor:"runs \\(\\*gorm.DB\\).First \\[params 0\\]"
	var a Author
	DB.First(&a, p.AuthorID)
}

// Timestamp runs no query.
func Timestamp(p Post) string { return p.Title }
