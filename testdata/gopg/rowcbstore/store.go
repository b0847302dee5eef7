// Package rowcbstore reads users for other packages.
package rowcbstore // want package:"reaches data access"

import (
	"github.com/go-pg/pg/v10/orm"

	"example.com/gopgapp/models"
)

// User loads one user.
func User(db orm.DB, id int64) (*models.User, error) { // want User:"runs \\(\\*orm.Query\\).Select \\[params 0,1\\]"
	u := new(models.User)
	return u, db.Model(u).Where("id = ?", id).Select()
}
