package nested // want package:"reaches data access"

// Nested loops: each site is reported once, at the innermost loop whose
// element it depends on.

import "gorm.io/gorm"

type Post struct {
	ID       uint
	Comments []Comment
}

type Comment struct {
	ID     uint
	UserID uint
}

type User struct{ ID uint }

func Inner(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		for _, c := range p.Comments {
			db.First(&User{}, c.UserID) // want `runs once per element of p.Comments \(loop at nested.go:22; p.Comments belongs to each element of posts; posts is a parameter: origin unknown\)`
		}
	}
}

// Depends on the outer element only: reported against the outer loop.
func OuterOnly(db *gorm.DB, posts []Post, kinds []string) {
	for _, p := range posts {
		for _, k := range kinds {
			_ = k
			db.Where("post_id = ?", p.ID).Find(&[]Comment{}) // want `runs once per element of posts \(loop at nested.go:30;`
		}
		for try := 0; try < 3; try++ {
			db.Model(&Post{}).Where("id = ?", p.ID).Update("n", try) // want `runs once per element of posts \(loop at nested.go:30;`
		}
	}
}

func perPost(db *gorm.DB, p Post) {
	for _, c := range p.Comments {
		db.First(&User{}, c.UserID) // want `runs once per element of p.Comments`
	}
}

// The helper's own loop is its N+1: the outer call is not reported again.
func ViaHelper(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		perPost(db, p)
	}
}

// The inner collection belongs to rows a query loaded.
func Loaded(db *gorm.DB) { // want Loaded:"runs \\(\\*gorm.DB\\).Find"
	var posts []Post
	db.Preload("Comments").Find(&posts)
	for _, p := range posts {
		for _, c := range p.Comments {
			db.First(&User{}, c.UserID) // want `once per element of p.Comments \(loop at nested.go:59; p.Comments belongs to each element of posts; posts from \(\*gorm.DB\).Find at nested.go:57\)`
		}
	}
}
