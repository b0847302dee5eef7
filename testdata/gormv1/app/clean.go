package app

import (
	"github.com/jinzhu/gorm"

	"example.com/gormv1app/models"
)

// Negatives: preloaded reads, builders, one IN query after the loop,
// literal lists, pages and batches.

func preloaded(db *gorm.DB) []string { // want preloaded:"runs \\(\\*gorm.DB\\).Find \\[params 0\\]"
	var posts []models.Post
	db.Preload("Author").Preload("Comments.User").Find(&posts)
	var out []string
	for _, p := range posts {
		out = append(out, p.Author.Name)
		for _, c := range p.Comments {
			out = append(out, c.User.Name)
		}
	}
	return out
}

func builders(db *gorm.DB, ids []uint) []models.Post { // want builders:"runs \\(\\*gorm.DB\\).Find \\[params 0,1\\]"
	q := db.Model(&models.Post{})
	for _, id := range ids {
		q = q.Or("id = ?", id)
	}
	var posts []models.Post
	q.Find(&posts)
	return posts
}

func inAfterLoop(db *gorm.DB, posts []models.Post) []models.User { // want inAfterLoop:"runs \\(\\*gorm.DB\\).Find \\[params 0,1\\]"
	var ids []uint
	for _, p := range posts {
		ids = append(ids, p.AuthorID)
	}
	var users []models.User
	db.Where("id IN (?)", ids).Find(&users)
	return users
}

func migrate(db *gorm.DB) {
	for _, m := range []any{&models.User{}, &models.Post{}, &models.Comment{}} {
		db.AutoMigrate(m)
	}
}

func pages(db *gorm.DB) int { // want pages:"runs \\(\\*gorm.DB\\).Find \\[params 0\\]"
	n := 0
	for offset := 0; ; offset += 100 {
		var posts []models.Post
		db.Limit(100).Offset(offset).Find(&posts)
		if len(posts) == 0 {
			return n
		}
		n += len(posts)
	}
}

func batches(db *gorm.DB, ids []uint) { // want batches:"runs \\(\\*gorm.DB\\).Delete \\[params 0,1\\]"
	for i := 0; i < len(ids); i += 100 {
		db.Where("id IN (?)", ids[i:min(i+100, len(ids))]).Delete(&models.Post{})
	}
}

func scanRows(db *gorm.DB) []models.User { // want scanRows:"runs \\(\\*gorm.DB\\).Rows \\[params 0\\]"
	rows, err := db.Model(&models.User{}).Rows()
	if err != nil {
		return nil
	}
	defer rows.Close()
	var out []models.User
	for rows.Next() {
		var u models.User
		db.ScanRows(rows, &u)
		out = append(out, u)
	}
	return out
}
