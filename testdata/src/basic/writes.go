package basic

import (
	"fmt"
	"strconv"

	"gorm.io/gorm"
)

func CreateEach(db *gorm.DB, comments []Comment) error {
	for _, c := range comments {
		if err := db.Create(&c).Error; err != nil { // want `\(\*gorm.DB\).Create runs once per element of comments`
			return err
		}
	}
	return nil
}

func CreateBuilt(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		db.Create(&Comment{PostID: p.ID, Body: "first!"}) // want `\(\*gorm.DB\).Create runs once per element of posts`
	}
}

func SaveByIndex(db *gorm.DB, posts []Post) {
	for i := range posts {
		posts[i].Title += "!"
		db.Save(&posts[i]) // want `\(\*gorm.DB\).Save runs once per element of posts`
	}
}

func ExecWithArgs(db *gorm.DB, ids []uint) {
	for _, id := range ids {
		db.Exec("UPDATE posts SET views = views + 1 WHERE id = ?", id) // want `\(\*gorm.DB\).Exec runs once per element of ids`
	}
}

// DML built as text still carries the element.
func ExecBuilt(db *gorm.DB, ids []uint) {
	for _, id := range ids {
		db.Exec(fmt.Sprintf("DELETE FROM likes WHERE post_id = %d", id))          // want `\(\*gorm.DB\).Exec runs once per element of ids`
		db.Exec("UPDATE posts SET views = 0 WHERE id = " + strconv.Itoa(int(id))) // want `\(\*gorm.DB\).Exec runs once per element of ids`
	}
}
