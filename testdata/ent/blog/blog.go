// Package blog holds ent N+1s written in one function, and the loops that // want package:"reaches data access"
// are not N+1s.
package blog

import (
	"context"
	"sync"

	"example.com/entapp/ent"
	"example.com/entapp/ent/comment"
	"example.com/entapp/ent/post"
)

// PostsPerUser reads each user's posts with one query per user.
func PostsPerUser(ctx context.Context, client *ent.Client) (int, error) { // want PostsPerUser:"runs \\(\\*ent\\.UserQuery\\)\\.All \\[params 1\\]"
	users, err := client.User.Query().All(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, u := range users {
		posts, err := u.QueryPosts().Where(post.Published(true)).All(ctx) // want `N\+1 query: \(\*ent\.PostQuery\)\.All runs once per element of users`
		if err != nil {
			return 0, err
		}
		n += len(posts)
	}
	return n, nil
}

// AuthorsViaClient reads each post's author through the client's accessor.
func AuthorsViaClient(ctx context.Context, client *ent.Client) []string { // want AuthorsViaClient:"runs \\(\\*ent\\.PostQuery\\)\\.AllX \\[params 1\\]"
	var names []string
	for _, p := range client.Post.Query().AllX(ctx) {
		names = append(names, client.Post.QueryAuthor(p).OnlyX(ctx).Name) // want `N\+1 query: \(\*ent\.UserQuery\)\.OnlyX runs once per element of client\.Post\.Query\(\)\.AllX\(ctx\)`
	}
	return names
}

// GetEach fetches rows one by one by key.
func GetEach(ctx context.Context, client *ent.Client, ids []int) []*ent.Post {
	var out []*ent.Post
	for _, id := range ids {
		out = append(out, client.Post.GetX(ctx, id)) // want `N\+1 query: \(\*ent\.PostClient\)\.GetX runs once per element of ids`
	}
	return out
}

// Nested counts each post's approved comments, one count per post.
func Nested(ctx context.Context, client *ent.Client) int { // want Nested:"runs \\(\\*ent\\.UserQuery\\)\\.AllX \\[params 1\\]"
	total := 0
	for _, u := range client.User.Query().WithPosts().AllX(ctx) {
		for _, p := range u.Edges.Posts {
			total += p.QueryComments().Where(comment.Approved(true)).CountX(ctx) // want `N\+1 query: \(\*ent\.CommentQuery\)\.CountX runs once per element of u\.Edges\.Posts`
		}
	}
	return total
}

// Closure queries inside a function the loop calls.
func Closure(ctx context.Context, client *ent.Client, users []*ent.User) {
	first := func(u *ent.User) (*ent.Post, error) {
		return u.QueryPosts().First(ctx)
	}
	for _, u := range users {
		_, _ = first(u) // want `N\+1 query: func literal runs \(\*ent\.PostQuery\)\.First once per element of users`
	}
}

// Goroutines start one query per user.
func Goroutines(ctx context.Context, users []*ent.User) {
	var wg sync.WaitGroup
	for _, u := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = u.QueryPosts().IDs(ctx) // want `N\+1 query: \(\*ent\.PostQuery\)\.IDs runs once per element of users`
		}()
	}
	wg.Wait()
}

// Rename updates each post on its own.
func Rename(ctx context.Context, client *ent.Client, posts []*ent.Post) error {
	for _, p := range posts {
		if err := client.Post.UpdateOne(p).SetTitle(p.Title + "!").Exec(ctx); err != nil { // want `N\+1 query: \(\*ent\.PostUpdateOne\)\.Exec runs once per element of posts`
			return err
		}
	}
	return nil
}

// Import creates a post per title.
func Import(ctx context.Context, client *ent.Client, titles []string) error {
	for _, t := range titles {
		if _, err := client.Post.Create().SetTitle(t).Save(ctx); err != nil { // want `N\+1 query: \(\*ent\.PostCreate\)\.Save runs once per element of titles`
			return err
		}
	}
	return nil
}

// HasPosts counts to learn whether there is one.
func HasPosts(ctx context.Context, u *ent.User) bool { // want HasPosts:"runs \\(\\*ent\\.PostQuery\\)\\.CountX \\[params 1\\]"
	return u.QueryPosts().CountX(ctx) > 0 // want `count compared to zero: \(\*ent\.PostQuery\)\.CountX counts every matching row to learn whether there is one`
}

// Eager reads what WithPosts and WithComments loaded: no query in the loop.
func Eager(ctx context.Context, client *ent.Client) (int, error) { // want Eager:"runs \\(\\*ent\\.UserQuery\\)\\.All \\[params 1\\]"
	users, err := client.User.Query().WithPosts(func(q *ent.PostQuery) { q.WithComments() }).All(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, u := range users {
		posts, err := u.Edges.PostsOrErr()
		if err != nil {
			return 0, err
		}
		for _, p := range posts {
			n += len(p.Edges.Comments)
		}
	}
	return n, nil
}

// Builders builds queries per element and runs one after the loop.
func Builders(ctx context.Context, client *ent.Client, users []*ent.User) ([]*ent.Post, error) { // want Builders:"runs \\(\\*ent\\.PostQuery\\)\\.All \\[params 1,2\\]"
	var ids []int
	for _, u := range users {
		_ = u.QueryPosts().Where(post.Published(true))
		ids = append(ids, u.ID)
	}
	return client.Post.Query().Where(post.IDIn(ids...)).All(ctx)
}

// Batched creates the rows once per chunk.
func Batched(ctx context.Context, client *ent.Client, titles []string) error { // want Batched:"runs \\(\\*ent\\.PostCreateBulk\\)\\.Exec \\[params 1,2\\]"
	for i := 0; i < len(titles); i += 100 {
		chunk := titles[i:min(i+100, len(titles))]
		err := client.Post.MapCreateBulk(chunk, func(c *ent.PostCreate, j int) { c.SetTitle(chunk[j]) }).Exec(ctx)
		if err != nil {
			return err
		}
	}
	return nil
}

// Paginated reads one page per query.
func Paginated(ctx context.Context, client *ent.Client) (int, error) { // want Paginated:"runs \\(\\*ent\\.PostQuery\\)\\.All \\[params 1\\]"
	n := 0
	for offset := 0; ; offset += 50 {
		page, err := client.Post.Query().Limit(50).Offset(offset).All(ctx)
		if err != nil {
			return 0, err
		}
		if len(page) == 0 {
			return n, nil
		}
		n += len(page)
	}
}

// Literal counts two fixed kinds.
func Literal(ctx context.Context, client *ent.Client) int { // want Literal:"runs \\(\\*ent\\.PostQuery\\)\\.CountX \\[params 1\\]"
	n := 0
	for _, published := range []bool{true, false} {
		n += client.Post.Query().Where(post.Published(published)).CountX(ctx)
	}
	return n
}
