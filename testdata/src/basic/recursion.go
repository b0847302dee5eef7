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

type node struct {
	ID       uint
	ParentID uint
	Children []*node `gorm:"-"`
}

// Loading a tree level by level: the recursive call in the loop is the N+1.
func loadTree(db *gorm.DB, n *node) { // want loadTree:"runs \\(\\*gorm.DB\\).Find \\[params 0,1\\]"
	db.Where("parent_id = ?", n.ID).Find(&n.Children)
	for _, c := range n.Children {
		loadTree(db, c) // want `basic.loadTree runs \(\*gorm.DB\).Find once per element of n.Children \(loop at recursion.go:35; n.Children from \(\*gorm.DB\).Find at recursion.go:34\)`
	}
}
