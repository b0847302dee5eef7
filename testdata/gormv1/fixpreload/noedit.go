package fixpreload

import (
	"errors"

	"github.com/jinzhu/gorm"
)

// Cases where the advice stays advice: no golden file, so a fix offered
// here fails the test.

// First's missing row is ErrRecordNotFound, a preload's a zero field:
// the check that catches it cannot go.
func AuthorsChecked(db *gorm.DB) ([]string, error) { // want AuthorsChecked:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Find(&posts)
	var names []string
	for _, p := range posts {
		var u User
		if err := db.First(&u, p.AuthorID).Error; err != nil { // want `Preload\("Author"\) where posts is loaded`
			return nil, err
		}
		names = append(names, u.Name)
	}
	return names, nil
}

// v1's Find into a struct reports a missing row too (unlike v2's): its
// check stays, so no edit.
func AuthorsFindChecked(db *gorm.DB) ([]string, error) { // want AuthorsFindChecked:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Find(&posts)
	var names []string
	for _, p := range posts {
		var u User
		if err := db.Where("id = ?", p.AuthorID).Find(&u).Error; err != nil { // want `Preload\("Author"\) where posts is loaded`
			return nil, err
		}
		names = append(names, u.Name)
	}
	return names, nil
}

// Related to a belongs-to reports a missing row: its check stays.
func RelatedChecked(db *gorm.DB) ([]string, error) { // want RelatedChecked:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Find(&posts)
	var names []string
	for _, p := range posts {
		if err := db.Model(&p).Related(&p.Author, "Author").Error; err != nil { // want `Preload\("Author"\) where posts is loaded`
			if errors.Is(err, gorm.ErrRecordNotFound) {
				continue
			}
			return nil, err
		}
		names = append(names, p.Author.Name)
	}
	return names, nil
}

// The variable outlives the iteration: on a missing author First leaves
// the previous one there, the assignment would write a zero User.
func StaleAuthor(db *gorm.DB) []string { // want StaleAuthor:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Find(&posts)
	var names []string
	var u User
	for _, p := range posts {
		db.First(&u, p.AuthorID) // want `Preload\("Author"\) where posts is loaded`
		names = append(names, u.Name)
	}
	return names
}

// Related(&u) with no name: v1 looks for UserId and PostId (by name or
// column), finds neither, and fails ("invalid association"): not the
// author's load.
func RelatedUnnamed(db *gorm.DB) []string { // want RelatedUnnamed:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Find(&posts)
	var names []string
	for _, p := range posts {
		var u User
		db.Model(&p).Related(&u) // want `Related runs once per element of posts .*collect the keys and run one query`
		names = append(names, u.Name)
	}
	return names
}

// The collection is a parameter: its query is elsewhere.
func FromParam(db *gorm.DB, posts []Post) []string {
	var names []string
	for _, p := range posts {
		var u User
		db.First(&u, p.AuthorID) // want `Preload\("Author"\) where posts is loaded`
		names = append(names, u.Name)
	}
	return names
}

// listPosts loads the posts another function reads.
func listPosts(db *gorm.DB) ([]Post, error) { // want listPosts:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	err := db.Find(&posts).Error
	return posts, err
}

// The collection comes from a function: the advice names its Find.
func FromFunction(db *gorm.DB) []string { // want FromFunction:"runs \\(\\*gorm\\.DB\\)\\.Find via fixpreload.listPosts \\[params 0\\]"
	posts, _ := listPosts(db)
	var names []string
	for _, p := range posts {
		var u User
		db.First(&u, p.AuthorID) // want `preload it: add Preload\("Author"\) to the Find in fixpreload.listPosts at noedit.go:\d+`
		names = append(names, u.Name)
	}
	return names
}

// The origin selects columns: the preload's keys may be missing.
func Selected(db *gorm.DB) []string { // want Selected:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Select("id, title").Find(&posts)
	var names []string
	for _, p := range posts {
		var u User
		db.First(&u, p.AuthorID) // want `Preload\("Author"\)`
		names = append(names, u.Name)
	}
	return names
}

// The origin joins raw SQL (v1's Joins): its rows are not the table's.
func RawJoin(db *gorm.DB) []string { // want RawJoin:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Joins("JOIN users ON users.id = posts.author_id").Find(&posts)
	var names []string
	for _, p := range posts {
		var u User
		db.First(&u, p.AuthorID) // want `Preload\("Author"\)`
		names = append(names, u.Name)
	}
	return names
}

// The loop's query orders and limits: a preload reads them all.
func LatestComments(db *gorm.DB) map[uint][]Comment { // want LatestComments:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Find(&posts)
	out := map[uint][]Comment{}
	for _, p := range posts {
		var cs []Comment
		db.Where("post_id = ?", p.ID).Order("id desc").Limit(3).Find(&cs) // want `collect the keys and run one query`
		out[p.ID] = cs
	}
	return out
}

// The loop writes: a later iteration's read sees an earlier one's
// comment, a preload before the loop would not.
func CommentAndRead(db *gorm.DB) int { // want CommentAndRead:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Find(&posts)
	n := 0
	for i, p := range posts {
		var cs []Comment
		db.Where("post_id = ?", p.ID).Find(&cs) // want `Preload\("Comments"\)`
		n += len(cs)
		if i+1 < len(posts) {
			db.Create(&Comment{PostID: posts[i+1].ID, Body: "next"}) // want `Create runs once per element of posts`
		}
	}
	return n
}

// association_foreignkey: v1 keys the owner on Email, a setting this
// reading does not share with v2's parser, so no association is assumed.
func Owners(db *gorm.DB) []string { // want Owners:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var accounts []Account
	db.Find(&accounts)
	var emails []string
	for _, a := range accounts {
		var m Member
		db.Where("email = ?", a.OwnerEmail).First(&m) // want `collect the keys and run one query`
		emails = append(emails, m.Email)
	}
	return emails
}

// foreignkey:ReviewerName: v1 strips "Reviewer" and keys on User's Name,
// where v2's reading keys on the primary key: no association is assumed.
func Reviewers(db *gorm.DB) []string { // want Reviewers:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Find(&posts)
	var names []string
	for _, p := range posts {
		var u User
		db.Where("name = ?", p.ReviewerName).First(&u) // want `collect the keys and run one query`
		names = append(names, u.Name)
	}
	return names
}

// The loop's receiver reads soft-deleted rows too; v1 runs a preload on a
// new search, without Unscoped, so it would not.
func UnscopedReceiver(db *gorm.DB) []string { // want UnscopedReceiver:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	all := db.Unscoped()
	var posts []Post
	all.Find(&posts)
	var names []string
	for _, p := range posts {
		var u User
		all.First(&u, p.AuthorID) // want `Preload\("Author"\) where posts is loaded`
		names = append(names, u.Name)
	}
	return names
}
