package fixpreload

import (
	"context"

	"gorm.io/gorm"
)

// Belongs to, read into a variable, no raw text naming a users column:
// one query, Joins("Author"), and author = p.Author.
func Authors(db *gorm.DB) ([]Summary, error) { // want Authors:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	if err := db.Where("published").Find(&posts).Error; err != nil {
		return nil, err
	}
	var out []Summary
	for _, p := range posts {
		var author User
		db.First(&author, p.AuthorID) // want `N\+1 query: \(\*gorm.DB\).First runs once per element of posts .*; join it: Joins\("Author"\) where posts is loaded \(a to-one relation: one query`
		out = append(out, Summary{Title: p.Title, Author: author.Name})
	}
	return out, nil
}

// Has many, filled into the element's own field by index: the statement
// goes, the preloaded field is already there.
func CommentCounts(ctx context.Context, db *gorm.DB) ([]Summary, error) { // want CommentCounts:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 1\\]"
	var posts []Post
	if err := db.WithContext(ctx).Order("id").Find(&posts).Error; err != nil {
		return nil, err
	}
	out := make([]Summary, 0, len(posts))
	for i := range posts {
		db.Where("post_id = ?", posts[i].ID).Find(&posts[i].Comments) // want `N\+1 query: .*Find runs once per element of posts .*Preload\("Comments"\)`
		out = append(out, Summary{Title: posts[i].Title, Comments: len(posts[i].Comments)})
	}
	return out, nil
}

// A filtered has-many with its error checked: the constant condition
// carries over (the filtered prefetch), the check goes with the query.
func Approved(db *gorm.DB) (map[uint][]Comment, error) { // want Approved:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	if err := db.Find(&posts).Error; err != nil {
		return nil, err
	}
	byPost := map[uint][]Comment{}
	for _, p := range posts {
		var comments []Comment
		if err := db.Where("post_id = ?", p.ID).Where("approved = ?", true).Find(&comments).Error; err != nil { // want `Preload\("Comments", "approved = \?", true\) where posts is loaded`
			return nil, err
		}
		byPost[p.ID] = comments
	}
	return byPost, nil
}

// Many to many through the association API.
func TagNames(db *gorm.DB) (map[string][]string, error) { // want TagNames:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	if err := db.Limit(20).Find(&posts).Error; err != nil {
		return nil, err
	}
	names := map[string][]string{}
	for _, p := range posts {
		var tags []Tag
		if err := db.Model(&p).Association("Tags").Find(&tags); err != nil { // want `\(\*gorm.Association\).Find runs once per element of posts .*Preload\("Tags"\)`
			return nil, err
		}
		for _, t := range tags {
			names[p.Title] = append(names[p.Title], t.Name)
		}
	}
	return names, nil
}

// A custom foreign key names the association.
func Editors(db *gorm.DB) []string { // want Editors:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Find(&posts)
	var out []string
	for _, p := range posts {
		var editor User
		db.Where("id = ?", p.EditorRef).Take(&editor) // want `Joins\("Editor"\) where posts is loaded`
		out = append(out, editor.Name)
	}
	return out
}

// Has one, on users.
func Bios(db *gorm.DB) map[uint]string { // want Bios:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var users []User
	db.Find(&users)
	bios := map[uint]string{}
	for _, u := range users {
		var profile Profile
		db.Where("user_id = ?", u.ID).Find(&profile) // want `Preload\("Profile"\) where users is loaded \(not Joins: Profile.user_id is not declared unique, so a join could repeat rows\)`
		bios[u.ID] = profile.Bio
	}
	return bios
}

// Nested: comments come preloaded, their authors do not; the path is
// Comments.Author.
func CommentAuthors(db *gorm.DB) []string { // want CommentAuthors:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Preload("Comments").Find(&posts)
	var names []string
	for _, p := range posts {
		for _, c := range p.Comments {
			var author User
			db.First(&author, c.AuthorID) // want `Preload\("Comments.Author"\) where posts is loaded`
			names = append(names, p.Title+": "+author.Name)
		}
	}
	return names
}

// The statement that goes held the only use of the index: the range
// clause drops it, so the loop still compiles.
func LoadComments(db *gorm.DB) ([]Post, error) { // want LoadComments:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	if err := db.Order("id").Find(&posts).Error; err != nil {
		return nil, err
	}
	for i := range posts {
		db.Where("post_id = ?", posts[i].ID).Find(&posts[i].Comments) // want `N\+1 query: .*Find runs once per element of posts .*Preload\("Comments"\)`
	}
	return posts, nil
}

// The same through the element's pointer, the key kept for what else the
// body does with it.
func NumberedComments(db *gorm.DB) (map[int]uint, error) { // want NumberedComments:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []*Post
	if err := db.Order("id").Find(&posts).Error; err != nil {
		return nil, err
	}
	first := map[int]uint{}
	for i, p := range posts {
		db.Where("post_id = ?", p.ID).Find(&p.Comments) // want `N\+1 query: .*Find runs once per element of posts .*Preload\("Comments"\)`
		first[i] = 0
	}
	return first, nil
}
