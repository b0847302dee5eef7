package buntest

import "github.com/uptrace/bun"

// The models of the tests, also given as source text to the relation
// inference (modelSource): the two must stay identical.
const modelSource = `package m

type User struct {
	ID   int64 ` + "`bun:\",pk,autoincrement\"`" + `
	Name string
}

type Post struct {
	ID       int64 ` + "`bun:\",pk,autoincrement\"`" + `
	AuthorID int64
	Author   *User      ` + "`bun:\"rel:belongs-to\"`" + `
	EditorID int64
	Editor   *User      ` + "`bun:\"rel:belongs-to,join:editor_id=id\"`" + `
	Comments []*Comment ` + "`bun:\"rel:has-many\"`" + `
	Title    string
}

type Comment struct {
	ID     int64 ` + "`bun:\",pk,autoincrement\"`" + `
	PostID int64
	Body   string
}

type Profile struct {
	ID     int64 ` + "`bun:\",pk\"`" + `
	UserID int64
}

type Member struct {
	ID      int64    ` + "`bun:\",pk\"`" + `
	Profile *Profile ` + "`bun:\"rel:has-one,join:id=user_id\"`" + `
}
`

type User struct {
	bun.BaseModel `bun:"table:users"`
	ID            int64 `bun:",pk,autoincrement"`
	Name          string
}

type Post struct {
	ID       int64 `bun:",pk,autoincrement"`
	AuthorID int64
	Author   *User `bun:"rel:belongs-to"`
	EditorID int64
	Editor   *User      `bun:"rel:belongs-to,join:editor_id=id"`
	Comments []*Comment `bun:"rel:has-many"`
	Title    string
}

type Comment struct {
	ID     int64 `bun:",pk,autoincrement"`
	PostID int64
	Body   string
}

type Profile struct {
	ID     int64 `bun:",pk"`
	UserID int64
}

type Member struct {
	ID      int64    `bun:",pk"`
	Profile *Profile `bun:"rel:has-one,join:id=user_id"`
}
