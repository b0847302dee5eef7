package rowcbbatches // want package:"reaches data access"

// FindInBatches calls its function once per batch: a query per batch is
// no N+1, a query per row of the batch is.

import (
	"gorm.io/gorm"

	"example.com/app/helpers/repo"
)

// Audit records a batch.
type Audit struct {
	ID    uint
	Batch int
}

func perRow(db *gorm.DB) error { // want perRow:"runs \\(\\*gorm.DB\\).FindInBatches \\[params 0\\]"
	var posts []repo.Post
	return db.FindInBatches(&posts, 100, func(tx *gorm.DB, batch int) error {
		for _, p := range posts {
			var a repo.Author
			if err := tx.First(&a, p.AuthorID).Error; err != nil { // want `N\+1 query: \(\*gorm.DB\).First runs once per element of posts \(loop at batches.go:21; posts from \(\*gorm.DB\).FindInBatches at batches.go:20\)`
				return err
			}
		}
		return nil
	}).Error
}

func perRowViaHelper(db *gorm.DB) error { // want perRowViaHelper:"runs \\(\\*gorm.DB\\).FindInBatches \\[params 0\\]"
	var posts []repo.Post
	each := func(tx *gorm.DB, batch int) error {
		for i := range posts {
			if _, err := repo.AuthorOf(tx, posts[i].AuthorID); err != nil { // want `N\+1 query: repo.AuthorOf runs \(\*gorm.DB\).First once per element of posts`
				return err
			}
		}
		return nil
	}
	return db.FindInBatches(&posts, 100, each).Error
}

// One query per batch, on the batch's keys or its number.
func perBatch(db *gorm.DB) error { // want perBatch:"runs \\(\\*gorm.DB\\).FindInBatches \\[params 0\\]"
	var posts []repo.Post
	return db.FindInBatches(&posts, 100, func(tx *gorm.DB, batch int) error {
		ids := make([]uint, 0, len(posts))
		for _, p := range posts {
			ids = append(ids, p.AuthorID)
		}
		var authors []repo.Author
		if err := tx.Where("id IN ?", ids).Find(&authors).Error; err != nil {
			return err
		}
		return tx.Create(&Audit{Batch: batch}).Error
	}).Error
}
