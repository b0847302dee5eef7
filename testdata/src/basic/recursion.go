package basic

import "gorm.io/gorm"

// Summaries of mutually recursive helpers: found whatever order the
// functions are analyzed in.
func ancestors(db *gorm.DB, id uint) []Comment { // want ancestors:"runs \\(\\*gorm.DB\\).First \\[params 0,1\\]"
	var c Comment
	db.First(&c, id)
	return append(parentOf(db, c), c)
}

func parentOf(db *gorm.DB, c Comment) []Comment { // want parentOf:"runs \\(\\*gorm.DB\\).First via basic.ancestors \\[params 0,1\\]"
	if c.PostID == 0 {
		return nil
	}
	return ancestors(db, c.PostID)
}

func Threads(db *gorm.DB, comments []Comment) {
	for _, c := range comments {
		_ = parentOf(db, c) // want `basic.parentOf runs \(\*gorm.DB\).First via basic.ancestors once per element of comments`
	}
}
