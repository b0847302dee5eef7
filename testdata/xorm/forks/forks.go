package forks // want package:"reaches data access"

// The package uses xorm under its two other import paths: go-xorm's,
// which most older applications import, and the fork Casdoor uses.

import (
	goxorm "github.com/go-xorm/xorm"
	ioxorm "github.com/xorm-io/xorm"
)

// User is a row.
type User struct {
	ID   int64
	Name string
}

// Post is a row.
type Post struct {
	ID       int64
	AuthorID int64
}

// Authors reads each post's author through go-xorm.
func Authors(e *goxorm.Engine) ([]string, error) { // want Authors:"runs \\(\\*xorm\\.Engine\\)\\.Find \\[params 0\\]"
	var posts []Post
	if err := e.Find(&posts); err != nil {
		return nil, err
	}
	var names []string
	for _, p := range posts {
		var u User
		if _, err := e.ID(p.AuthorID).Get(&u); err != nil { // want `N\+1 query: \(\*xorm\.Session\)\.Get runs once per element of posts`
			return nil, err
		}
		names = append(names, u.Name)
	}
	return names, nil
}

// Counts counts each user's posts through the xorm-io fork.
func Counts(e *ioxorm.Engine, users []User) (map[int64]int64, error) {
	out := map[int64]int64{}
	for _, u := range users {
		n, err := e.Where("author_id = ?", u.ID).Count(&Post{}) // want `N\+1 query: \(\*xorm\.Session\)\.Count runs once per element of users`
		if err != nil {
			return nil, err
		}
		out[u.ID] = n
	}
	return out, nil
}

// Names loads the users once: no N+1.
func Names(e *goxorm.Engine, ids []int64) ([]User, error) { // want Names:"runs \\(\\*xorm\\.Session\\)\\.Find \\[params 0,1\\]"
	var users []User
	err := e.In("id", ids).Find(&users)
	return users, err
}
