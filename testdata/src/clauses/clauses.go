package clauses // want package:"reaches data access"

// Per-element data that reaches the SQL through clauses, condition
// builders and scopes is per-element data like a Where argument.

import (
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

type Post struct {
	gorm.Model
	Title    string
	AuthorID uint
}

type Comment struct {
	gorm.Model
	PostID uint
	Body   string
}

func AddClause(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		var cs []Comment
		tx := db.Model(&Comment{})
		tx.Statement.AddClause(clause.Where{Exprs: []clause.Expression{clause.Eq{Column: "post_id", Value: p.ID}}})
		tx.Find(&cs) // want `\(\*gorm.DB\).Find runs once per element of posts`
	}
}

func Clauses(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		var cs []Comment
		db.Clauses(clause.Where{Exprs: []clause.Expression{clause.Eq{Column: "post_id", Value: p.ID}}}).Find(&cs) // want `\(\*gorm.DB\).Find runs once per element of posts`
	}
}

func Condition(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		var cs []Comment
		db.Where(clause.Eq{Column: clause.Column{Name: "post_id"}, Value: p.ID}).Find(&cs) // want `\(\*gorm.DB\).Find runs once per element of posts`
	}
}

func Expr(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		db.Model(&Post{}).Where("id = ?", p.ID).Update("views", gorm.Expr("views + ?", p.AuthorID)) // want `\(\*gorm.DB\).Update runs once per element of posts`
		var n int64
		db.Model(&Comment{}).Where(gorm.Expr("post_id = ?", p.ID)).Count(&n) // want `\(\*gorm.DB\).Count runs once per element of posts`
	}
}

func byPost(id uint) func(*gorm.DB) *gorm.DB {
	return func(db *gorm.DB) *gorm.DB { return db.Where("post_id = ?", id) }
}

func Scopes(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		var cs []Comment
		db.Scopes(func(db *gorm.DB) *gorm.DB { return db.Where("post_id = ?", p.ID) }).Find(&cs) // want `\(\*gorm.DB\).Find runs once per element of posts`
		db.Scopes(byPost(p.ID)).Find(&cs)                                                        // want `\(\*gorm.DB\).Find runs once per element of posts`
	}
}

// Clauses and scopes that do not depend on the element.
func Invariant(db *gorm.DB, posts []Post) { // want Invariant:"runs \\(\\*gorm.DB\\).Find"
	for range posts {
		var cs []Comment
		tx := db.Model(&Comment{})
		tx.Statement.AddClause(clause.Where{Exprs: []clause.Expression{clause.Eq{Column: "approved", Value: true}}})
		tx.Find(&cs)
		db.Scopes(func(db *gorm.DB) *gorm.DB { return db.Where("approved") }).Find(&cs)
		db.Clauses(clause.OrderBy{Expression: gorm.Expr("id")}).Find(&cs)
	}
}
