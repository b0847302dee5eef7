// Package kv is a team's own key-value client, a query API once declared.
package kv

// Client reads values by key.
type Client struct{}

// Get reads one value.
func (c *Client) Get(key string) string { return key }
