package literalloops // want package:"reaches data access"

// A query inside a loop over a collection and a loop over a list written
// in the source is attributed to the loop over the collection, whichever
// is inner, however the list is written.

import "gorm.io/gorm"

type Post struct {
	gorm.Model
	Title    string
	AuthorID uint
	EditorID uint
}

type User struct {
	gorm.Model
	Name string
}

func InnerOne(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		for _, kind := range []string{"draft"} {
			var n int64
			db.Model(&Post{}).Where("author_id = ? AND kind = ?", p.AuthorID, kind).Count(&n) // want `\(\*gorm.DB\).Count runs once per element of posts`
		}
	}
}

func OuterOne(db *gorm.DB, posts []Post) {
	for _, kind := range []string{"draft"} {
		for _, p := range posts {
			var u User
			db.Where("kind = ?", kind).First(&u, p.AuthorID) // want `\(\*gorm.DB\).First runs once per element of posts`
		}
	}
}

// The list's elements come from the element: still one loop per post.
func InnerFromElement(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		for _, id := range []uint{p.AuthorID, p.EditorID} {
			var u User
			db.First(&u, id) // want `\(\*gorm.DB\).First runs once per element of posts`
		}
	}
}

func OuterIndex(db *gorm.DB, posts []Post) {
	for range [1]int{} {
		for i := range posts {
			var u User
			db.First(&u, posts[i].AuthorID) // want `\(\*gorm.DB\).First runs once per element of posts`
		}
	}
}

// The inner loop leaves on its first pass: the query runs once per post.
func InnerBreak(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		for _, kind := range []string{"draft"} {
			var u User
			if err := db.Where("kind = ?", kind).First(&u, p.AuthorID).Error; err != nil { // want `\(\*gorm.DB\).First runs once per element of posts`
				return
			}
			break
		}
	}
}

var kinds = []string{"draft"}

func PackageList(db *gorm.DB, posts []Post) {
	for _, k := range kinds {
		for _, p := range posts {
			var u User
			db.Where("kind = ?", k).First(&u, p.AuthorID) // want `\(\*gorm.DB\).First runs once per element of posts`
		}
	}
	for _, p := range posts {
		for i := 0; i < len(kinds); i++ {
			var u User
			db.Where("kind = ?", kinds[i]).First(&u, p.AuthorID) // want `\(\*gorm.DB\).First runs once per element of posts`
		}
	}
}

// A literal extended with constants is still a list written in the source.
func Extended(db *gorm.DB, posts []Post, extra bool) {
	ks := []string{"draft"}
	if extra {
		ks = append(ks, "live", "archived")
	}
	for _, p := range posts {
		for _, k := range ks {
			var u User
			db.Where("kind = ?", k).First(&u, p.AuthorID) // want `\(\*gorm.DB\).First runs once per element of posts`
		}
	}
}

// Lists that are data: extended with the element's values, a parameter
// extended with constants, a variable whose address is taken.
func Data(db *gorm.DB, posts []Post, names []string) { // want Data:"runs \\(\\*gorm.DB\\).Find \\[params 0\\]"
	titles := []string{"x"}
	for _, p := range posts {
		titles = append(titles, p.Title)
	}
	names = append(names, "admin")
	var found []User
	db.Find(&found)
	for _, t := range titles {
		var u User
		db.First(&u, "name = ?", t) // want `\(\*gorm.DB\).First runs once per element of titles`
	}
	for _, n := range names {
		var u User
		db.First(&u, "name = ?", n) // want `\(\*gorm.DB\).First runs once per element of names`
	}
	for _, u := range found {
		var p Post
		db.First(&p, "author_id = ?", u.ID) // want `\(\*gorm.DB\).First runs once per element of found`
	}
}

// Only literal lists: no N+1.
func OnlyLiterals(db *gorm.DB) { // want OnlyLiterals:"runs \\(\\*gorm.DB\\).First"
	for _, kind := range []string{"draft", "live"} {
		for _, id := range []uint{1, 2} {
			var u User
			db.Where("kind = ?", kind).First(&u, id)
		}
	}
}
