package fixjoins

import "gorm.io/gorm"

// The author joined already, the loop loads each author's company: the
// nested join.
func Companies(db *gorm.DB) []string { // want Companies:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Joins("Author").Find(&posts)
	var out []string
	for _, p := range posts {
		var company Company
		db.First(&company, p.Author.CompanyID) // want `join it: Joins\("Author.Company"\) where posts is loaded`
		out = append(out, company.Name)
	}
	return out
}

// The author preloaded: a nested preload (a join would be overwritten).
func PreloadedCompanies(db *gorm.DB) []string { // want PreloadedCompanies:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Preload("Author").Find(&posts)
	var out []string
	for _, p := range posts {
		var company Company
		db.First(&company, p.Author.CompanyID) // want `preload it: Preload\("Author.Company"\) where posts is loaded \(not Joins: Author is preloaded, not joined`
		out = append(out, company.Name)
	}
	return out
}

// The author not loaded at all: p.Author.CompanyID is zero for every
// post, and loading the companies would change what the loop sees.
func UnloadedCompanies(db *gorm.DB) []string { // want UnloadedCompanies:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Find(&posts)
	var out []string
	for _, p := range posts {
		var company Company
		db.First(&company, p.Author.CompanyID) // want `preload it: Preload\("Author.Company"\) where posts is loaded$`
		out = append(out, company.Name)
	}
	return out
}
