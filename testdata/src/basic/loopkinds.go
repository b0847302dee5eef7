package basic

import (
	"gorm.io/gorm"
)

func Counted(db *gorm.DB, posts []Post) {
	for i := 0; i < len(posts); i++ {
		db.First(&posts[i].Author, posts[i].AuthorID) // want `runs once per element of posts \(loop at loopkinds.go:8;`
	}
}

func CountedBackwards(db *gorm.DB, posts []Post) {
	for i := len(posts) - 1; i >= 0; i-- {
		db.First(&posts[i].Author, posts[i].AuthorID) // want `runs once per element of posts`
	}
}

func CountedByVariable(db *gorm.DB, posts []Post) {
	n := len(posts)
	for i := 0; i < n; i++ {
		db.First(&posts[i].Author, posts[i].AuthorID) // want `runs once per element of posts`
	}
}

func RangeOverLen(db *gorm.DB, posts []Post) {
	for i := range len(posts) {
		db.Delete(&Comment{}, "post_id = ?", posts[i].ID) // want `\(\*gorm.DB\).Delete runs once per element of posts`
	}
}

func Cursor(db *gorm.DB) error { // want Cursor:"runs \\(\\*gorm.DB\\).Rows"
	rows, err := db.Model(&Post{}).Where("draft = ?", false).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var p Post
		if err := db.ScanRows(rows, &p); err != nil {
			return err
		}
		db.First(&p.Author, p.AuthorID) // want `\(\*gorm.DB\).First runs once per element of rows \(loop at loopkinds.go:38; rows from \(\*gorm.DB\).Rows at loopkinds.go:33\)`
	}
	return rows.Err()
}

func CursorScan(db *gorm.DB) { // want CursorScan:"runs \\(\\*gorm.DB\\).Rows"
	rows, _ := db.Raw("SELECT id FROM posts").Rows()
	defer rows.Close()
	for rows.Next() {
		var id uint
		rows.Scan(&id)
		db.Model(&Post{}).Where("id = ?", id).Update("views", gorm.Expr("views + 1")) // want `\(\*gorm.DB\).Update runs once per element of rows`
	}
}
