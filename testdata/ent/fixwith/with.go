// Package fixwith holds the ent eager loads the tool makes.
package fixwith

import (
	"context"

	"example.com/entapp/ent"
	"example.com/entapp/ent/post"
)

// Titles reads each user's posts: WithPosts loads them with the users.
func Titles(ctx context.Context, client *ent.Client) ([]string, error) { // want Titles:"runs \\(\\*ent\\.UserQuery\\)\\.All \\[params 1\\]"
	users, err := client.User.Query().All(ctx)
	if err != nil {
		return nil, err
	}
	var titles []string
	for _, u := range users {
		posts, err := u.QueryPosts().All(ctx) // want `N\+1 query: \(\*ent\.PostQuery\)\.All runs once per element of users`
		if err != nil {
			return nil, err
		}
		for _, p := range posts {
			titles = append(titles, p.Title)
		}
	}
	return titles, nil
}

// Published carries the loop's predicates into WithPosts.
func Published(ctx context.Context, client *ent.Client) int { // want Published:"runs \\(\\*ent\\.UserQuery\\)\\.AllX \\[params 1\\]"
	users := client.User.Query().AllX(ctx)
	n := 0
	for _, u := range users {
		n += len(u.QueryPosts().Where(post.Published(true)).AllX(ctx)) // want `N\+1 query: \(\*ent\.PostQuery\)\.AllX runs once per element of users`
	}
	return n
}

// Authors reads each post's unique author edge.
func Authors(ctx context.Context, client *ent.Client) ([]string, error) { // want Authors:"runs \\(\\*ent\\.PostQuery\\)\\.All \\[params 1\\]"
	posts, err := client.Post.Query().All(ctx)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, p := range posts {
		a, err := p.QueryAuthor().Only(ctx) // want `N\+1 query: \(\*ent\.UserQuery\)\.Only runs once per element of posts`
		if err != nil {
			return nil, err
		}
		names = append(names, a.Name)
	}
	return names, nil
}

// ClientAuthors reads each post's author through the client's accessor.
func ClientAuthors(ctx context.Context, client *ent.Client) ([]string, error) { // want ClientAuthors:"runs \\(\\*ent\\.PostQuery\\)\\.AllX \\[params 1\\]"
	posts := client.Post.Query().AllX(ctx)
	var names []string
	for _, p := range posts {
		a, err := client.Post.QueryAuthor(p).Only(ctx) // want `N\+1 query: \(\*ent\.UserQuery\)\.Only runs once per element of posts`
		if err != nil {
			return nil, err
		}
		names = append(names, a.Name)
	}
	return names, nil
}

// Any asks whether a user has posts by counting them.
func Any(ctx context.Context, u *ent.User) bool { // want Any:"runs \\(\\*ent\\.PostQuery\\)\\.CountX \\[params 1\\]"
	return u.QueryPosts().CountX(ctx) == 0 // want `count compared to zero: \(\*ent\.PostQuery\)\.CountX counts every matching row to learn whether there is one`
}
