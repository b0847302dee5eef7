package ignore // want package:"reaches data access"

import "gorm.io/gorm"

type Post struct{ ID, AuthorID uint }

type Author struct{ ID uint }

func Ignored(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		//nplusone:ignore at most three posts: the page size is fixed
		db.First(&Author{}, p.AuthorID)
		db.First(&Author{}, p.ID) //nplusone:ignore admin-only report, runs nightly
	}
}

func NoReason(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		db.First(&Author{}, p.AuthorID) /* want "nplusone:ignore needs a reason" `\(\*gorm.DB\).First runs once per element of posts` */ //nplusone:ignore
	}
}

// A directive two lines above covers nothing.
func TooFar(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		//nplusone:ignore the comment is not adjacent

		db.First(&Author{}, p.AuthorID) // want `\(\*gorm.DB\).First runs once per element of posts`
	}
}
