package fixwith

import (
	"context"

	"example.com/entapp/ent"
	"example.com/entapp/ent/post"
)

// Ordered reads each user's newest post: an eager load has no per-user
// limit, so no edit.
func Ordered(ctx context.Context, client *ent.Client) []string {
	var titles []string
	for _, u := range client.User.Query().AllX(ctx) {
		p := u.QueryPosts().Order(ent.Desc(post.FieldID)).FirstX(ctx)
		titles = append(titles, p.Title)
	}
	return titles
}

// Writes inserts a post for the next user while reading: a load before the
// loop would miss it.
func Writes(ctx context.Context, client *ent.Client) int {
	users := client.User.Query().AllX(ctx)
	n := 0
	for _, u := range users {
		n += len(u.QueryPosts().AllX(ctx))
		client.Post.Create().SetTitle("x").SaveX(ctx)
	}
	return n
}

// ByTitle carries a per-call variable into the predicate: kept as is.
func ByTitle(ctx context.Context, client *ent.Client, title string) int {
	users := client.User.Query().AllX(ctx)
	n := 0
	for _, u := range users {
		n += len(u.QueryPosts().Where(post.Title(title)).AllX(ctx))
	}
	return n
}

// Counted keeps the count in a variable.
func Counted(ctx context.Context, u *ent.User) bool {
	n := u.QueryPosts().CountX(ctx)
	return n > 0
}
