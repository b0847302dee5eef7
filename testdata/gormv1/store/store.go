package store // want package:"reaches data access"

// Reads users for other packages.

import (
	"github.com/jinzhu/gorm"

	"example.com/gormv1app/models"
)

// UserByID loads one user.
func UserByID(db *gorm.DB, id uint) (models.User, error) { // want UserByID:"runs \\(\\*gorm.DB\\).First \\[params 0,1\\]"
	var u models.User
	err := db.First(&u, id).Error
	return u, err
}
