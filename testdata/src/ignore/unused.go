package ignore

import "gorm.io/gorm"

// The query no longer depends on the element: the directive suppresses
// nothing and is reported, so that it does not hide a future N+1.
func NoLongerPerElement(db *gorm.DB, posts []Post) { // want NoLongerPerElement:"runs \\(\\*gorm\\.DB\\)\\.First \\[params 0\\]"
	for range posts {
		//nplusone:ignore the authors table is tiny // want `unused //nplusone:ignore: nothing is reported on this line or the next; remove the directive`
		db.First(&Author{}, 1)
	}
}

// A directive away from any loop.
func NoLoop(db *gorm.DB, id uint) { // want NoLoop:"runs \\(\\*gorm\\.DB\\)\\.First \\[params 0,1\\]"
	db.First(&Author{}, id) //nplusone:ignore left over from a refactoring // want `unused //nplusone:ignore`
}

// Used directives are not reported, whether above or at the end of the line.
func Used(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		//nplusone:ignore the page size is fixed
		db.First(&Author{}, p.AuthorID)
		db.Take(&Author{}, p.ID) //nplusone:ignore admin-only
	}
}
