package fixjoins // want package:"reaches data access"

import "gorm.io/gorm"

// Map and struct conditions are qualified by GORM, a Limit keeps one row
// per post: Joins.
func MapCondition(db *gorm.DB) []string { // want MapCondition:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Where(map[string]any{"active": true}).Where(&Post{Title: "x"}).Limit(20).Find(&posts)
	var out []string
	for _, p := range posts {
		var author User
		db.First(&author, p.AuthorID) // want `join it: Joins\("Author"\) where posts is loaded \(a to-one relation: one query with a LEFT JOIN, no second\)`
		out = append(out, author.Name)
	}
	return out
}

// A qualified order names no joined column: Joins.
func QualifiedOrder(db *gorm.DB) []string { // want QualifiedOrder:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Order("posts.id desc").Where("title <> ?", "").Find(&posts)
	var out []string
	for _, p := range posts {
		var author User
		db.Where("id = ?", p.AuthorID).Take(&author) // want `join it: Joins\("Author"\)`
		out = append(out, author.Name)
	}
	return out
}

// Order("id") would be ambiguous with users joined: Preload.
func UnqualifiedOrder(db *gorm.DB) []string { // want UnqualifiedOrder:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Order("id desc").Find(&posts)
	var out []string
	for _, p := range posts {
		var author User
		db.First(&author, p.AuthorID) // want `preload it: Preload\("Author"\) where posts is loaded \(not Joins: "id desc" names id unqualified, a column of the joined table too, so it would become ambiguous\)`
		out = append(out, author.Name)
	}
	return out
}

// A condition's column only posts has stays unambiguous: Joins.
func OwnColumn(db *gorm.DB) []string { // want OwnColumn:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Find(&posts, "author_id > ?", 0)
	var out []string
	for _, p := range posts {
		var author User
		db.First(&author, p.AuthorID) // want `Joins\("Author"\)`
		out = append(out, author.Name)
	}
	return out
}

// An inline condition naming a column users has too: Preload.
func InlineShared(db *gorm.DB) []string { // want InlineShared:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Find(&posts, "id > ?", 0)
	var out []string
	for _, p := range posts {
		var author User
		db.First(&author, p.AuthorID) // want `Preload\("Author"\) .*not Joins: "id > \?" names id`
		out = append(out, author.Name)
	}
	return out
}

// The loop's constant condition goes into the join's ON clause.
func Filtered(db *gorm.DB) []string { // want Filtered:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Find(&posts)
	var out []string
	for _, p := range posts {
		var author User
		db.Where("verified = ?", true).First(&author, p.AuthorID) // want `Joins\("Author", db.Where\("verified = \?", true\)\)`
		out = append(out, author.Name)
	}
	return out
}

// A filter naming a column posts has too would be ambiguous in ON: a
// filtered Preload.
func FilteredShared(db *gorm.DB) []string { // want FilteredShared:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Find(&posts)
	var out []string
	for _, p := range posts {
		var shop Shop
		db.Where("title <> ?", "").Find(&shop, p.ShopID) // want `Preload\("Shop", "title <> \?", ""\)`
		out = append(out, shop.Title)
	}
	return out
}

// Has one on a unique key: Joins.
func Plans(db *gorm.DB) map[uint]string { // want Plans:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var users []User
	db.Find(&users)
	plans := map[uint]string{}
	for _, u := range users {
		var account Account
		db.Where("user_id = ?", u.ID).Find(&account) // want `Joins\("Account"\) where users is loaded`
		plans[u.ID] = account.Plan
	}
	return plans
}

// A hook the join would not run: Preload.
func Shops(db *gorm.DB) []string { // want Shops:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Find(&posts)
	var out []string
	for _, p := range posts {
		var shop Shop
		db.First(&shop, p.ShopID) // want `Preload\("Shop"\) .*not Joins: Shop has an AfterFind hook, which a join does not run`
		out = append(out, shop.Title)
	}
	return out
}

// A query built elsewhere may carry clauses naming any column: Preload.
func BuiltElsewhere(db *gorm.DB) []string { // want BuiltElsewhere:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	q := db.Where("title <> ?", "")
	var posts []Post
	q.Find(&posts)
	var out []string
	for _, p := range posts {
		var author User
		db.First(&author, p.AuthorID) // want `Preload\("Author"\) .*not Joins: the query starts from q`
		out = append(out, author.Name)
	}
	return out
}

// A scope's clauses are unknown: Preload.
func Scoped(db *gorm.DB) []string { // want Scoped:"runs \\(\\*gorm\\.DB\\)\\.Find \\[params 0\\]"
	var posts []Post
	db.Scopes(Published).Find(&posts)
	var out []string
	for _, p := range posts {
		var author User
		db.First(&author, p.AuthorID) // want `Preload\("Author"\) .*not Joins: Scopes may name columns`
		out = append(out, author.Name)
	}
	return out
}
