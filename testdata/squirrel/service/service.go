// Package service asks the store once per user. // want package:"reaches data access"
package service

import (
	"context"

	"example.com/squirrelapp/store"
)

// Emails reads every user's email, one query each.
func Emails(ctx context.Context, s *store.Store) []string { // want Emails:"runs \\(squirrel.SelectBuilder\\).QueryContext via \\(\\*store.Store\\).UserIDs \\[params 1\\]"
	ids, _ := s.UserIDs(ctx)
	var out []string
	for _, id := range ids {
		e, _ := s.Email(ctx, id) // want `\(\*store.Store\).Email runs \(squirrel.SelectBuilder\).ScanContext once per element of ids \(loop at service.go:14; ids from \(\*store.Store\).UserIDs at service.go:12\); collect the keys`
		out = append(out, e)
	}
	return out
}
