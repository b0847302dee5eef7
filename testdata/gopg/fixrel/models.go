package fixrel

// A blog's models, declared here so that the nested relations
// (Post.Comments.Votes) stay this package's own.

type Author struct {
	ID   int64
	Name string
}

type Post struct {
	ID       int64
	AuthorID int64
	Author   *Author    `pg:"rel:has-one"`
	Comments []*Comment `pg:"rel:has-many"`
	Title    string
}

type Comment struct {
	ID       int64
	PostID   int64
	Approved bool
	Body     string
	Votes    []Vote `pg:"rel:has-many"`
}

type Vote struct {
	ID        int64
	CommentID int64
	Up        bool
}
