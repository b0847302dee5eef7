package main

// cmd/cgo marks its rewrite of this file as generated; it is still ours.
// (A main package exports no package fact: nothing imports it.)

// #include <stdlib.h>
import "C"

import "gorm.io/gorm"

type Post struct{ ID, AuthorID uint }

type Author struct{ ID uint }

func Lucky(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		if C.rand()%2 == 0 {
			db.First(&Author{}, p.AuthorID) // want `\(\*gorm.DB\).First runs once per element of posts`
		}
	}
}

func main() {}
