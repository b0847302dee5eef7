package scenarios

// Post has comments, a comment has votes.
type Post struct {
	ID       int64      `bun:",pk,autoincrement"`
	Comments []*Comment `bun:"rel:has-many"`
	Title    string
}

type Comment struct {
	ID       int64 `bun:",pk,autoincrement"`
	PostID   int64
	Approved bool
	Body     string
	Votes    []*Vote `bun:"rel:has-many"`
}

type Vote struct {
	ID        int64 `bun:",pk,autoincrement"`
	CommentID int64
	Up        bool
	Label     string
}
