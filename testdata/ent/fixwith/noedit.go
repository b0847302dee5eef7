package fixwith // want package:"reaches data access"

import (
	"context"

	"example.com/entapp/ent"
	"example.com/entapp/ent/post"
)

// Ordered reads each user's newest post: an eager load has no per-user
// limit, so no edit.
func Ordered(ctx context.Context, client *ent.Client) []string { // want Ordered:"runs \\(\\*ent\\.UserQuery\\)\\.AllX \\[params 1\\]"
	var titles []string
	for _, u := range client.User.Query().AllX(ctx) {
		p := u.QueryPosts().Order(ent.Desc(post.FieldID)).FirstX(ctx) // want `N\+1 query: \(\*ent\.PostQuery\)\.FirstX runs once per element of client\.User\.Query\(\)\.AllX\(ctx\)`
		titles = append(titles, p.Title)
	}
	return titles
}

// Writes inserts a post for the next user while reading: a load before the
// loop would miss it.
func Writes(ctx context.Context, client *ent.Client) int { // want Writes:"runs \\(\\*ent\\.UserQuery\\)\\.AllX \\[params 1\\]"
	users := client.User.Query().AllX(ctx)
	n := 0
	for _, u := range users {
		n += len(u.QueryPosts().AllX(ctx)) // want `N\+1 query: \(\*ent\.PostQuery\)\.AllX runs once per element of users`
		client.Post.Create().SetTitle("x").SaveX(ctx)
	}
	return n
}

// ByTitle carries a per-call variable into the predicate: kept as is.
func ByTitle(ctx context.Context, client *ent.Client, title string) int { // want ByTitle:"runs \\(\\*ent\\.UserQuery\\)\\.AllX \\[params 1\\]"
	users := client.User.Query().AllX(ctx)
	n := 0
	for _, u := range users {
		n += len(u.QueryPosts().Where(post.Title(title)).AllX(ctx)) // want `N\+1 query: \(\*ent\.PostQuery\)\.AllX runs once per element of users`
	}
	return n
}

// PanicAuthors reads the unique edge with OnlyX, which panics where the
// loaded edge would be nil: kept as is.
func PanicAuthors(ctx context.Context, client *ent.Client) []string { // want PanicAuthors:"runs \\(\\*ent\\.PostQuery\\)\\.AllX \\[params 1\\]"
	posts := client.Post.Query().AllX(ctx)
	var names []string
	for _, p := range posts {
		names = append(names, p.QueryAuthor().OnlyX(ctx).Name) // want `N\+1 query: \(\*ent\.UserQuery\)\.OnlyX runs once per element of posts`
	}
	return names
}

// Counted keeps the count in a variable.
func Counted(ctx context.Context, u *ent.User) bool { // want Counted:"runs \\(\\*ent\\.PostQuery\\)\\.CountX \\[params 1\\]"
	n := u.QueryPosts().CountX(ctx) // want `count compared to zero: \(\*ent\.PostQuery\)\.CountX counts every matching row to learn whether there is one`
	return n > 0
}
