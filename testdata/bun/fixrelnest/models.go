package fixrelnest

// A forum's models, declared here so that the nested relations
// (Thread.Posts.Replies) stay this package's own.

type Thread struct {
	ID    int64   `bun:",pk,autoincrement"`
	Posts []*Post `bun:"rel:has-many"`
	Title string
}

type Post struct {
	ID       int64 `bun:",pk,autoincrement"`
	ThreadID int64
	Replies  []Reply `bun:"rel:has-many"`
	Body     string
}

type Reply struct {
	ID      int64 `bun:",pk,autoincrement"`
	PostID  int64
	Visible bool
	Body    string
}
