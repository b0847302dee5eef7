package store // want package:"reaches data access"

// Reads users for other packages.

import (
	"xorm.io/xorm"

	"example.com/xormapp/models"
)

// UserByID loads one user.
func UserByID(db xorm.Interface, id int64) (*models.User, error) { // want UserByID:"runs \\(\\*xorm.Session\\).Get \\[params 0,1\\]"
	u := new(models.User)
	_, err := db.ID(id).Get(u)
	return u, err
}
