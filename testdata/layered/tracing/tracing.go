// Package tracing adapts a domain.Store to a domain.ProfileReader, // want package:"reaches data access"
// timing each call.
package tracing

import (
	"context"
	"log"
	"time"

	"example.com/layered/domain"
)

// Reader implements domain.ProfileReader over a domain.Store.
type Reader struct{ Next domain.Store }

func (r Reader) Profile(ctx context.Context, id int64) (domain.Profile, error) { // want Profile:"runs \\(\\*sql.DB\\).QueryRowContext via \\(domain.Store\\).GetProfile → \\(\\*postgres.Store\\).GetProfile \\[params 2\\]"
	start := time.Now()
	defer func() { log.Printf("profile %d: %s", id, time.Since(start)) }()
	return r.Next.GetProfile(ctx, id)
}
