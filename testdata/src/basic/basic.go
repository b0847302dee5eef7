package basic

import "gorm.io/gorm"

func AuthorsOfPosts(db *gorm.DB) ([]Author, error) {
	var posts []Post
	if err := db.Find(&posts).Error; err != nil {
		return nil, err
	}
	var authors []Author
	for _, p := range posts {
		var a Author
		if err := db.First(&a, p.AuthorID).Error; err != nil {
			return nil, err
		}
		authors = append(authors, a)
	}
	return authors, nil
}
