// Package ent is made by ent's own generator (entgo.io/ent v0.14.5) from
// ./schema: a user has many posts, a post belongs to its author and has
// many comments. To regenerate, from testdata/ent:
//
//	go run -mod=mod entgo.io/ent/cmd/ent generate ./ent/schema && rm -r ent/enttest
//
// (the generated enttest helper package is left out: nothing here uses it).
package ent
