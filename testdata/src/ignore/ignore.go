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
		//nplusone:ignore the comment is not adjacent // want `unused //nplusone:ignore: nothing is reported on this line or the next`

		db.First(&Author{}, p.AuthorID) // want `\(\*gorm.DB\).First runs once per element of posts`
	}
}

// Directives that almost match are reported and suppress nothing.
func NearMisses(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		// nplusone:ignore a space after the slashes makes it a comment // want `malformed directive nplusone:ignore: write //nplusone:ignore <reason>`
		db.First(&Author{}, p.AuthorID) // want `\(\*gorm.DB\).First runs once per element of posts`
		//nplusone:ignroe misspelt // want `malformed directive nplusone:ignroe`
		db.First(&Author{}, p.ID) // want `\(\*gorm.DB\).First runs once per element of posts`
		//NPlusOne:Ignore capitals // want `malformed directive NPlusOne:Ignore`
		db.Take(&Author{}, p.AuthorID) // want `\(\*gorm.DB\).Take runs once per element of posts`
		//nplusone:ignore-next-line reason // want `malformed directive nplusone:ignore`
		db.Take(&Author{}, p.ID) // want `\(\*gorm.DB\).Take runs once per element of posts`
		//nplusone ignore no colon // want `malformed directive //nplusone ignore no colon`
		db.Last(&Author{}, p.AuthorID) // want `\(\*gorm.DB\).Last runs once per element of posts`
		// nplusone: ignore spaced out // want `malformed directive nplusone:ignore`
		db.Last(&Author{}, p.ID) // want `\(\*gorm.DB\).Last runs once per element of posts`
		//nplusone:skip reason // want `unknown directive //nplusone:skip`
		db.Find(&[]Author{}, p.AuthorID) // want `\(\*gorm.DB\).Find runs once per element of posts`
		//nplus1:ignore close enough // want `malformed directive nplus1:ignore`
		db.Find(&[]Author{}, p.ID) // want `\(\*gorm.DB\).Find runs once per element of posts`
	}
}

// Comments that only mention the tool, and other tools' directives, are
// not directives of this one.
func NotDirectives(posts []Post) int {
	// nplusone ignores loops over literal lists, so this one is fine.
	//nolint:nplusone // golangci-lint's own directive
	//lint:ignore U1000 another tool's
	// nplusone: see the README.
	return len(posts)
}
