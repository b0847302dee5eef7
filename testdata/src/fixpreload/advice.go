package fixpreload // want package:"reaches data access"

import (
	"fmt"

	"gorm.io/gorm"
)

// First reports a missing author as an error; reading the preloaded
// field would not: advice, no edit.
func AuthorsChecked(db *gorm.DB) ([]string, error) { // want AuthorsChecked:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Find(&posts)
	var names []string
	for _, p := range posts {
		var author User
		if err := db.First(&author, p.AuthorID).Error; err != nil { // want `preload it: Preload\("Author"\) where posts is loaded`
			return nil, err
		}
		names = append(names, author.Name)
	}
	return names, nil
}

// The posts are a parameter: the Preload belongs where they are loaded.
func AuthorsOf(db *gorm.DB, posts []Post) []string {
	var names []string
	for _, p := range posts {
		var author User
		db.First(&author, p.AuthorID) // want `posts is a parameter: origin unknown\); preload it: Preload\("Author"\) where posts is loaded`
		names = append(names, author.Name)
	}
	return names
}

// The query selects columns: the foreign key may not be among them.
func TitlesAndAuthors(db *gorm.DB) []string { // want TitlesAndAuthors:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Select("id", "title").Find(&posts)
	var names []string
	for _, p := range posts {
		var author User
		db.First(&author, p.AuthorID) // want `Preload\("Author"\) where posts is loaded`
		names = append(names, p.Title+author.Name)
	}
	return names
}

// posts is filled twice: the loop may see either.
func Refilled(db *gorm.DB, drafts bool) []string { // want Refilled:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Find(&posts)
	if drafts {
		db.Unscoped().Find(&posts)
	}
	var names []string
	for _, p := range posts {
		var author User
		db.First(&author, p.AuthorID) // want `Preload\("Author"\) where posts is loaded`
		names = append(names, author.Name)
	}
	return names
}

// The latest three comments of each post: a Preload with Limit would
// limit all comments together. Reported, no advice.
func LatestComments(db *gorm.DB) map[uint][]Comment { // want LatestComments:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Find(&posts)
	out := map[uint][]Comment{}
	for _, p := range posts {
		var cs []Comment
		db.Where("post_id = ?", p.ID).Order("id desc").Limit(3).Find(&cs) // want `N\+1 query: \(\*gorm.DB\).Find runs once per element of posts \(loop at advice.go:\d+; posts from \(\*gorm.DB\).Find at advice.go:\d+\)$`
		out[p.ID] = cs
	}
	return out
}

// Not an association: comments by the post's author, on any post.
func ByAuthor(db *gorm.DB) map[uint][]Comment { // want ByAuthor:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Find(&posts)
	out := map[uint][]Comment{}
	for _, p := range posts {
		var cs []Comment
		db.Where("author_id = ?", p.AuthorID).Find(&cs) // want `once per element of posts \(loop at advice.go:\d+; posts from \(\*gorm.DB\).Find at advice.go:\d+\)$`
		out[p.ID] = cs
	}
	return out
}

// The author read into a pointer while the field is a value: no edit.
func AuthorPointers(db *gorm.DB) []*User { // want AuthorPointers:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Find(&posts)
	var out []*User
	for _, p := range posts {
		author := &User{}
		db.First(author, p.AuthorID) // want `Preload\("Author"\) where posts is loaded`
		out = append(out, author)
	}
	return out
}

// The check's branch is the file's only use of fmt: removing it would
// leave an unused import. Advice, no edit.
func ApprovedOrWrapped(db *gorm.DB) (map[uint][]Comment, error) { // want ApprovedOrWrapped:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	if err := db.Find(&posts).Error; err != nil {
		return nil, err
	}
	byPost := map[uint][]Comment{}
	for _, p := range posts {
		var comments []Comment
		if err := db.Where("post_id = ?", p.ID).Find(&comments).Error; err != nil { // want `Preload\("Comments"\) where posts is loaded`
			return nil, fmt.Errorf("comments of %d: %w", p.ID, err)
		}
		byPost[p.ID] = comments
	}
	return byPost, nil
}

// posts grows after the query: the appended posts would have no author.
func WithPinned(db *gorm.DB, pinned Post) []string { // want WithPinned:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0,1\\]"
	var posts []Post
	db.Find(&posts)
	posts = append(posts, pinned)
	var names []string
	for _, p := range posts {
		var author User
		db.First(&author, p.AuthorID) // want `Preload\("Author"\) where posts is loaded`
		names = append(names, author.Name)
	}
	return names
}

// Comments are preloaded already, filtered: the loop loads them all
// again. A second Preload("Comments") would override the filter.
func AllComments(db *gorm.DB) map[uint]int { // want AllComments:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Preload("Comments", "approved = ?", true).Find(&posts)
	out := map[uint]int{}
	for _, p := range posts {
		var cs []Comment
		db.Where("post_id = ?", p.ID).Find(&cs) // want `Preload\("Comments"\) where posts is loaded`
		out[p.ID] = len(cs)
	}
	return out
}

// The loop writes what a later iteration reads: a preload, run before the
// loop, would not see the comments the loop adds.
func ForwardComments(db *gorm.DB) []int { // want ForwardComments:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Order("id").Find(&posts)
	var counts []int
	for i := range posts {
		var comments []Comment
		db.Where("post_id = ?", posts[i].ID).Find(&comments) // want `preload it: Preload\("Comments"\) where posts is loaded`
		counts = append(counts, len(comments))
		if i+1 < len(posts) {
			db.Create(&Comment{PostID: posts[i+1].ID, Body: "forwarded"}) // want `N\+1 query`
		}
	}
	return counts
}
