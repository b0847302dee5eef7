// Package fixwith holds the ent eager loads the tool makes.
package fixwith

import (
	"context"

	"example.com/entapp/ent"
	"example.com/entapp/ent/post"
)

// Titles reads each user's posts: WithPosts loads them with the users.
func Titles(ctx context.Context, client *ent.Client) ([]string, error) {
	users, err := client.User.Query().All(ctx)
	if err != nil {
		return nil, err
	}
	var titles []string
	for _, u := range users {
		posts, err := u.QueryPosts().All(ctx)
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
func Published(ctx context.Context, client *ent.Client) int {
	users := client.User.Query().AllX(ctx)
	n := 0
	for _, u := range users {
		n += len(u.QueryPosts().Where(post.Published(true)).AllX(ctx))
	}
	return n
}

// Authors reads each post's unique author edge.
func Authors(ctx context.Context, client *ent.Client) ([]string, error) {
	posts, err := client.Post.Query().All(ctx)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, p := range posts {
		a, err := p.QueryAuthor().Only(ctx)
		if err != nil {
			return nil, err
		}
		names = append(names, a.Name)
	}
	return names, nil
}

// Any asks whether a user has posts by counting them.
func Any(ctx context.Context, u *ent.User) bool {
	return u.QueryPosts().CountX(ctx) == 0
}
