package callbacks // want package:"reaches data access"

// Named functions and method values passed as per-element callbacks.

import (
	"gorm.io/gorm"

	"example.com/app/helpers/each"
	"example.com/app/helpers/repo"
)

type loader struct{ db *gorm.DB }

func (l *loader) author(p repo.Post) { // want author:"runs \\(\\*gorm.DB\\).First via repo.AuthorOf \\[params 0,1\\]"
	repo.AuthorOf(l.db, p.AuthorID)
}

func (l *loader) settings(repo.Post) { // want settings:"runs \\(\\*gorm.DB\\).Find via repo.Settings \\[params 0\\]"
	repo.Settings(l.db)
}

var db *gorm.DB

func authorOf(p repo.Post) { // want authorOf:"runs \\(\\*gorm.DB\\).First via repo.AuthorOf \\[params 0\\]"
	repo.AuthorOf(db, p.AuthorID)
}

func MethodValue(l *loader, posts []repo.Post) {
	each.ForEach(posts, l.author) // want `each.ForEach runs \(\*gorm.DB\).First via \(\*callbacks.loader\).author → repo.AuthorOf once per element of posts`
}

func NamedFunction(posts []repo.Post) {
	each.ForEach(posts, authorOf) // want `each.ForEach runs \(\*gorm.DB\).First via callbacks.authorOf → repo.AuthorOf once per element of posts`
}

func ImportedFunction(posts []repo.Post) {
	each.ForEach(posts, repo.LoadAuthor) // want `each.ForEach runs \(\*gorm.DB\).First via repo.LoadAuthor once per element of posts`
}

// Negatives: the callback's query does not depend on the element; a
// literal list.
func Negatives(l *loader) { // want Negatives:"runs \\(\\*gorm.DB\\).First via each.ForEach"
	each.ForEach([]repo.Post{{ID: 1}}, l.author)
	each.ForEach([]repo.Post{}, l.settings)
}
