package fixrel

// No edit (advice only): what Relation would change.

import (
	"log"

	"github.com/go-pg/pg/v10"
)

func listPosts(db *pg.DB) ([]*Post, error) { // want listPosts:"runs \\(\\*orm\\.Query\\)\\.Select \\[params 0\\]"
	var posts []*Post
	err := db.Model(&posts).Select()
	return posts, err
}

// The collection is a parameter: its query is the caller's.
func param(db *pg.DB, posts []*Post) error {
	for _, p := range posts {
		if err := db.Model(&p.Comments).Where("post_id = ?", p.ID).Select(); err != nil { // want `load it with the list: Relation\("Comments"\) on the query tha`
			return err
		}
	}
	return nil
}

// The collection comes from a helper.
func helper(db *pg.DB) error { // want helper:"runs \\(\\*orm\\.Query\\)\\.Select via fixrel\\.listPosts \\[params 0\\]"
	posts, err := listPosts(db)
	if err != nil {
		return err
	}
	for _, p := range posts {
		if err := db.Model(&p.Comments).Where("post_id = ?", p.ID).Select(); err != nil { // want `load it with the list: Relation\("Comments"\) on the query tha`
			return err
		}
	}
	return nil
}

// Other builders in the origin: the columns, a join, a grouping.
func columns(db *pg.DB) error { // want columns:"runs \\(\\*orm\\.Query\\)\\.Select \\[params 0\\]"
	var posts []*Post
	if err := db.Model(&posts).ColumnExpr("post.title").Select(); err != nil {
		return err
	}
	for _, p := range posts {
		if err := db.Model(&p.Comments).Where("post_id = ?", p.ID).Select(); err != nil { // want `load it with the list: Relation\("Comments"\) on the query tha`
			return err
		}
	}
	return nil
}

func joined(db *pg.DB) error { // want joined:"runs \\(\\*orm\\.Query\\)\\.Select \\[params 0\\]"
	var posts []*Post
	if err := db.Model(&posts).Join("JOIN authors ON authors.id = post.author_id").Select(); err != nil {
		return err
	}
	for _, p := range posts {
		if err := db.Model(&p.Comments).Where("post_id = ?", p.ID).Select(); err != nil { // want `load it with the list: Relation\("Comments"\) on the query tha`
			return err
		}
	}
	return nil
}

func grouped(db *pg.DB) error { // want grouped:"runs \\(\\*orm\\.Query\\)\\.Select \\[params 0\\]"
	var posts []*Post
	if err := db.Model(&posts).Group("post.id").Select(); err != nil {
		return err
	}
	for _, p := range posts {
		if err := db.Model(&p.Comments).Where("post_id = ?", p.ID).Select(); err != nil { // want `load it with the list: Relation\("Comments"\) on the query tha`
			return err
		}
	}
	return nil
}

// A write in the loop: a later iteration's read sees it, a Relation
// before the loop would not.
func writes(db *pg.DB) error { // want writes:"runs \\(\\*orm\\.Query\\)\\.Select \\[params 0\\]"
	var posts []*Post
	if err := db.Model(&posts).Select(); err != nil {
		return err
	}
	for _, p := range posts {
		if err := db.Model(&p.Comments).Where("post_id = ?", p.ID).Select(); err != nil { // want `load it with the list: Relation\("Comments"\) on the query tha`
			return err
		}
		if _, err := db.Model(&Comment{PostID: p.ID + 1, Body: "next"}).Insert(); err != nil { // want `collect the rows in the loop and insert them with one Model\(`
			return err
		}
	}
	return nil
}

// A has-one read with First: it returns pg.ErrNoRows for a missing
// author, where the joined relation leaves p.Author nil.
func first(db *pg.DB) ([]string, error) { // want first:"runs \\(\\*orm\\.Query\\)\\.Select \\[params 0\\]"
	var posts []*Post
	if err := db.Model(&posts).Select(); err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		var a Author
		if err := db.Model(&a).Where("id = ?", p.AuthorID).First(); err != nil { // want `load it with the list: Relation\("Author"\) on the query that `
			return nil, err
		}
		out = append(out, a.Name)
	}
	return out, nil
}

// The same with Select and the error ignored: still a JOIN, still no
// edit (a to-one relation is never rewritten).
func toOne(db *pg.DB) []string { // want toOne:"runs \\(\\*orm\\.Query\\)\\.Select \\[params 0\\]"
	var posts []*Post
	_ = db.Model(&posts).Select()
	var out []string
	for _, p := range posts {
		a := new(Author)
		_ = db.Model(a).Where("id = ?", p.AuthorID).Select() // want `load it with the list: Relation\("Author"\) on the query that `
		out = append(out, a.Name)
	}
	return out
}

// A limit per post: the first comment of each, which one query over all
// posts cannot limit.
func limited(db *pg.DB) error { // want limited:"runs \\(\\*orm\\.Query\\)\\.Select \\[params 0\\]"
	var posts []*Post
	if err := db.Model(&posts).Select(); err != nil {
		return err
	}
	for _, p := range posts {
		if err := db.Model(&p.Comments).Where("post_id = ?", p.ID).Limit(1).Select(); err != nil { // want `collect the keys and run one query for all of them: Where\("k`
			return err
		}
	}
	return nil
}

// The error is logged and the loop goes on; the origin's would stop it.
func logged(db *pg.DB) error { // want logged:"runs \\(\\*orm\\.Query\\)\\.Select \\[params 0\\]"
	var posts []*Post
	if err := db.Model(&posts).Select(); err != nil {
		return err
	}
	for _, p := range posts {
		if err := db.Model(&p.Comments).Where("post_id = ?", p.ID).Select(); err != nil { // want `load it with the list: Relation\("Comments"\) on the query tha`
			log.Print(err)
		}
	}
	return nil
}

// The loop checks the error, the origin drops it.
func dropped(db *pg.DB) error { // want dropped:"runs \\(\\*orm\\.Query\\)\\.Select \\[params 0\\]"
	var posts []*Post
	_ = db.Model(&posts).Select()
	for _, p := range posts {
		if err := db.Model(&p.Comments).Where("post_id = ?", p.ID).Select(); err != nil { // want `load it with the list: Relation\("Comments"\) on the query tha`
			return err
		}
	}
	return nil
}

// A nested read below a relation the origin does not load: p.Comments
// is empty, adding Relation("Comments.Votes") would fill it.
func unloaded(db *pg.DB) error { // want unloaded:"runs \\(\\*orm\\.Query\\)\\.Select \\[params 0\\]"
	var posts []*Post
	if err := db.Model(&posts).Select(); err != nil {
		return err
	}
	for _, p := range posts {
		for _, c := range p.Comments {
			if err := db.Model(&c.Votes).Where("comment_id = ?", c.ID).Select(); err != nil { // want `load it with the list: Relation\("Comments\.Votes"\) on the que`
				return err
			}
		}
	}
	return nil
}

// A condition on a variable: not carried (constants only).
func variable(db *pg.DB, approved bool) error { // want variable:"runs \\(\\*orm\\.Query\\)\\.Select \\[params 0\\]"
	var posts []*Post
	if err := db.Model(&posts).Select(); err != nil {
		return err
	}
	for _, p := range posts {
		if err := db.Model(&p.Comments).Where("post_id = ?", p.ID).Where("approved = ?", approved).Select(); err != nil { // want `collect the keys and run one query for all of them: Where\("k`
			return err
		}
	}
	return nil
}

// The loop reads the field before its query fills it.
func readBefore(db *pg.DB) (int, error) { // want readBefore:"runs \\(\\*orm\\.Query\\)\\.Select \\[params 0\\]"
	var posts []*Post
	if err := db.Model(&posts).Select(); err != nil {
		return 0, err
	}
	n := 0
	for _, p := range posts {
		n += len(p.Comments)
		if err := db.Model(&p.Comments).Where("post_id = ?", p.ID).Select(); err != nil { // want `load it with the list: Relation\("Comments"\) on the query tha`
			return 0, err
		}
	}
	return n, nil
}

// The loop reads through the transaction, the list was read outside it.
func otherHandle(db *pg.DB, tx *pg.Tx) error { // want otherHandle:"runs \\(\\*orm\\.Query\\)\\.Select \\[params 0\\]"
	var posts []*Post
	if err := db.Model(&posts).Select(); err != nil {
		return err
	}
	for _, p := range posts {
		if err := tx.Model(&p.Comments).Where("post_id = ?", p.ID).Select(); err != nil { // want `load it with the list: Relation\("Comments"\) on the query tha`
			return err
		}
	}
	return tx.Commit()
}
