package createdorigin // want package:"reaches data access"

// A write taking the collection's address stores it: the message does not
// say the collection was loaded by it.

import "gorm.io/gorm"

type Post struct {
	gorm.Model
	Title    string
	AuthorID uint
}

type User struct {
	gorm.Model
	Name string
}

// Publish stores the caller's posts, then reads each one's author.
func Publish(db *gorm.DB, posts []Post) []string { // want Publish:"runs \\(\\*gorm\\.DB\\)\\.Create \\[params 0,1\\]"
	db.Create(&posts)
	var names []string
	for _, p := range posts {
		var u User
		db.First(&u, p.AuthorID) // want `N\+1 query: \(\*gorm.DB\).First runs once per element of posts \(loop at createdorigin.go:23; posts is a parameter: origin unknown\)`
		names = append(names, u.Name)
	}
	return names
}
