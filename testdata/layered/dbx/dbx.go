// want package:"reaches data access"

// Package dbx is a team's own client of a key-value database, over HTTP:
// no data library the tool knows, so its queries are declared.
package dbx

import (
	"context"
	"io"
	"net/http"
)

// Client talks to the database.
type Client struct{ Base string }

// Get reads one key.
func (c *Client) Get(ctx context.Context, key string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", c.Base+"/"+key, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
