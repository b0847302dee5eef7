package fixpreload

import "github.com/jinzhu/gorm"

// Belongs to, read into a variable declared in the iteration, no error
// check: Preload("Author") (never Joins: v1's Joins is raw SQL), and
// author = p.Author (a missing author is the zero User either way).
func Authors(db *gorm.DB) ([]Summary, error) { // want Authors:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	if err := db.Where("title <> ?", "").Find(&posts).Error; err != nil {
		return nil, err
	}
	var out []Summary
	for _, p := range posts {
		var author User
		db.First(&author, p.AuthorID) // want `N\+1 query: \(\*gorm.DB\).First runs once per element of posts .*; preload it: Preload\("Author"\) where posts is loaded$`
		out = append(out, Summary{Title: p.Title, Author: author.Name})
	}
	return out, nil
}

// Has many, filled into the element's own field by index: the statement
// goes, the preloaded field is already there.
func CommentCounts(db *gorm.DB) ([]Summary, error) { // want CommentCounts:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	if err := db.Order("id").Find(&posts).Error; err != nil {
		return nil, err
	}
	out := make([]Summary, 0, len(posts))
	for i := range posts {
		db.Where("post_id = ?", posts[i].ID).Find(&posts[i].Comments) // want `N\+1 query: .*Find runs once per element of posts .*Preload\("Comments"\)`
		out = append(out, Summary{Title: posts[i].Title, Comments: len(posts[i].Comments)})
	}
	return out, nil
}

// A filtered has-many into a slice with its error checked: v1's Preload
// takes the constant condition inline, and the check goes with the query
// (a Find of no rows into a slice is no error).
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

// v1's Related, the has-many found by the target's PostID: the
// statement goes.
func RelatedComments(db *gorm.DB) (int, error) { // want RelatedComments:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	if err := db.Find(&posts).Error; err != nil {
		return 0, err
	}
	n := 0
	for i := range posts {
		db.Model(&posts[i]).Related(&posts[i].Comments) // want `\(\*gorm.DB\).Related runs once per element of posts .*Preload\("Comments"\)`
		n += len(posts[i].Comments)
	}
	return n, nil
}

// Related naming the belongs-to field, its error ignored: the statement
// goes, p.Author is preloaded.
func RelatedAuthors(db *gorm.DB) []string { // want RelatedAuthors:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Find(&posts)
	var names []string
	for _, p := range posts {
		db.Model(&p).Related(&p.Author, "Author") // want `\(\*gorm.DB\).Related runs once per element of posts .*Preload\("Author"\)`
		names = append(names, p.Author.Name)
	}
	return names
}

// Many to many through the association API, its error checked.
func TagNames(db *gorm.DB) (map[string][]string, error) { // want TagNames:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	if err := db.Find(&posts).Error; err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, p := range posts {
		var tags []Tag
		if err := db.Model(&p).Association("Tags").Find(&tags).Error; err != nil { // want `\(\*gorm.Association\).Find runs once per element of posts .*Preload\("Tags"\)`
			return nil, err
		}
		for _, t := range tags {
			out[p.Title] = append(out[p.Title], t.Label)
		}
	}
	return out, nil
}

// Nested: each comment's user, the comments preloaded already.
func Commenters(db *gorm.DB) []string { // want Commenters:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Preload("Comments").Find(&posts)
	var names []string
	for _, p := range posts {
		for _, c := range p.Comments {
			var u User
			db.Where("id = ?", c.UserID).First(&u) // want `\(\*gorm.DB\).First runs once per element of p.Comments .*Preload\("Comments.User"\) where posts is loaded`
			names = append(names, u.Name)
		}
	}
	return names
}

// Related by the key field: v1 finds EditorRef on the post, no relation
// on it, and loads the user whose primary key it holds, the Editor.
func Editors(db *gorm.DB) []string { // want Editors:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Find(&posts)
	var names []string
	for _, p := range posts {
		var u User
		db.Model(&p).Related(&u, "EditorRef") // want `\(\*gorm.DB\).Related runs once per element of posts .*Preload\("Editor"\)`
		names = append(names, u.Name)
	}
	return names
}

// Has one, read by the target's key into a variable of the iteration.
func Bios(db *gorm.DB) []string { // want Bios:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var users []User
	db.Order("id").Find(&users)
	var bios []string
	for _, u := range users {
		var prof Profile
		db.Where("user_id = ?", u.ID).First(&prof) // want `\(\*gorm.DB\).First runs once per element of users .*Preload\("Profile"\)`
		bios = append(bios, prof.Bio)
	}
	return bios
}

// Related with no name: v1 tries UserId and finds the comment's UserID
// (by its column, user_id), a key with no relation on it: the user it
// holds, the comment's User.
func CommentUsers(db *gorm.DB) []string { // want CommentUsers:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var comments []Comment
	db.Order("id").Find(&comments)
	var names []string
	for _, c := range comments {
		var u User
		db.Model(&c).Related(&u) // want `\(\*gorm.DB\).Related runs once per element of comments .*Preload\("User"\)`
		names = append(names, u.Name)
	}
	return names
}

// In a transaction: tx carries no conditions (Begin adds none), so the
// preload, which v1 runs on a new search of tx, reads what the loop read.
func InTransaction(db *gorm.DB) ([]string, error) { // want InTransaction:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	tx := db.Begin()
	var posts []Post
	tx.Find(&posts)
	var names []string
	for _, p := range posts {
		tx.Model(&p).Related(&p.Author, "Author") // want `\(\*gorm.DB\).Related runs once per element of posts .*Preload\("Author"\)`
		names = append(names, p.Author.Name)
	}
	return names, tx.Commit().Error
}
