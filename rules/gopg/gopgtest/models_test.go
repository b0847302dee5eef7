package gopgtest

// The models of the relation test, also given as source text to the
// relation inference (modelSource): the two must stay identical. They
// cover go-pg's conventions: has-one by <field>_<pk> and by fk:, the
// fallback to the primary key's own name, has-many and belongs-to by
// <model>_<pk> and by join_fk:, a pk tag.
const modelSource = `package m

type Author struct {
	ID     int64
	Name   string
	Avatar *Image ` + "`pg:\"rel:has-one\"`" + `
	AvatarID int64
}

type Image struct {
	ID   int64
	Path string
}

type Post struct {
	ID       int64
	AuthorID int64
	Author   *Author    ` + "`pg:\"rel:has-one\"`" + `
	EditorID int64
	Editor   *Author    ` + "`pg:\"fk:editor_id,rel:has-one\"`" + `
	Comments []*Comment ` + "`pg:\"rel:has-many\"`" + `
	Notes    []Note     ` + "`pg:\"rel:has-many,join_fk:subject_id\"`" + `
	Meta     *PostMeta  ` + "`pg:\"rel:belongs-to\"`" + `
	Title    string
}

type Comment struct {
	ID     int64
	PostID int64
	Body   string
}

type Note struct {
	ID        int64
	SubjectID int64
}

type PostMeta struct {
	Code   string ` + "`pg:\",pk\"`" + `
	PostID int64
}

type Tag struct {
	Key   string ` + "`pg:\",pk\"`" + `
	Posts []Post ` + "`pg:\"rel:has-many,join_fk:title\"`" + `
}
`

type Author struct {
	ID       int64
	Name     string
	Avatar   *Image `pg:"rel:has-one"`
	AvatarID int64
}

type Image struct {
	ID   int64
	Path string
}

type Post struct {
	ID       int64
	AuthorID int64
	Author   *Author `pg:"rel:has-one"`
	EditorID int64
	Editor   *Author    `pg:"fk:editor_id,rel:has-one"`
	Comments []*Comment `pg:"rel:has-many"`
	Notes    []Note     `pg:"rel:has-many,join_fk:subject_id"`
	Meta     *PostMeta  `pg:"rel:belongs-to"`
	Title    string
}

type Comment struct {
	ID     int64
	PostID int64
	Body   string
}

type Note struct {
	ID        int64
	SubjectID int64
}

type PostMeta struct {
	Code   string `pg:",pk"`
	PostID int64
}

type Tag struct {
	Key   string `pg:",pk"`
	Posts []Post `pg:"rel:has-many,join_fk:title"`
}
