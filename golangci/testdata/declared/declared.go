// Package declared calls the kv client per element: reported once declared. // want package:"reaches data access"
package declared

import "example.com/pluginapp/kv"

func Values(c *kv.Client, keys []string) []string {
	var out []string
	for _, k := range keys {
		out = append(out, c.Get(k)) // want `N\+1 query: \(\*kv.Client\).Get runs once per element of keys`
	}
	return out
}
