// Package rowcbstore hands its callers' functions to Iterate. // want package:"reaches data access"
package rowcbstore

import (
	"xorm.io/xorm"

	"example.com/xormapp/models"
)

// EachPost calls fn with each titled post.
func EachPost(sess *xorm.Session, fn func(int, any) error) error { // want EachPost:"calls params 1; 1 per row of its query" EachPost:"runs \\(\\*xorm.Session\\).Iterate \\[params 0,1\\]"
	return sess.Where("title <> ''").Iterate(new(models.Post), fn)
}
