package fixjoins

import "gorm.io/gorm"

// Collections loaded by another function: no edit here, the message names
// the Find to change.

func listPosts(db *gorm.DB) ([]Post, error) { // want listPosts:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	if err := db.Order("id").Find(&posts).Error; err != nil {
		return nil, err
	}
	return posts, nil
}

func AuthorsOfListed(db *gorm.DB) []string { // want AuthorsOfListed:"runs \\(\\*gorm\\.DB\\)\\.Find via fixjoins.listPosts \\[params 0\\]"
	posts, _ := listPosts(db)
	var out []string
	for _, p := range posts {
		var author User
		db.First(&author, p.AuthorID) // want `preload it: add Preload\("Author"\) to the Find in fixjoins.listPosts at remote.go:10`
		out = append(out, author.Name)
	}
	return out
}

// Repo is a repository of posts.
type Repo struct{ db *gorm.DB }

func (r *Repo) Recent() []Post { // want Recent:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	r.db.Limit(10).Find(&posts)
	return posts
}

func AuthorsOfRecent(r *Repo) []string { // want AuthorsOfRecent:"runs \\(\\*gorm\\.DB\\)\\.Find via \\(\\*fixjoins.Repo\\).Recent \\[params 0\\]"
	var out []string
	for _, p := range r.Recent() {
		var author User
		r.db.First(&author, p.AuthorID) // want `add Preload\("Author"\) to the Find in Repo.Recent at remote.go:32`
		out = append(out, author.Name)
	}
	return out
}

// Two variables returned: which one the loop sees is not known here.
func either(db *gorm.DB, drafts bool) []Post { // want either:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts, others []Post
	db.Find(&posts)
	db.Unscoped().Find(&others)
	if drafts {
		return others
	}
	return posts
}

func AuthorsOfEither(db *gorm.DB) []string { // want AuthorsOfEither:"runs \\(\\*gorm\\.DB\\)\\.Find via fixjoins.either \\[params 0\\]"
	var out []string
	for _, p := range either(db, false) {
		var author User
		db.First(&author, p.AuthorID) // want `Preload\("Author"\) where either\(db, false\) is loaded\)?$`
		out = append(out, author.Name)
	}
	return out
}
