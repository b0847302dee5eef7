// Package profiles calls the declared client once per user. // want package:"reaches data access"
package profiles

import (
	"context"

	"example.com/sqlapp/kv"
)

// Bios reads one key per user.
func Bios(ctx context.Context, c *kv.Client, users []string) []string {
	var out []string
	for _, u := range users {
		bio, _ := c.Get(ctx, "bio:"+u) // want `N\+1 query: \(\*kv.Client\).Get runs once per element of users \(loop at profiles.go:13; users is a parameter: origin unknown\)$`
		out = append(out, bio)
	}
	return out
}

// BiosAtOnce reads all keys in one call.
func BiosAtOnce(ctx context.Context, c *kv.Client, users []string) []string { // want BiosAtOnce:"runs \\(\\*kv.Client\\).GetMany \\[params 1,2\\]"
	keys := make([]string, 0, len(users))
	for _, u := range users {
		keys = append(keys, "bio:"+u)
	}
	out, _ := c.GetMany(ctx, keys)
	return out
}
