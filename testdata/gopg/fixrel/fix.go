package fixrel // want package:"reaches data access"

// Has-many reads per post into the post's own field: Relation loads them
// all with the list, with the loop's constant conditions and order in the
// func form, and nested below a relation the list loads.

import (
	"fmt"

	"github.com/go-pg/pg/v10"
)

func checked(db *pg.DB) ([]string, error) { // want checked:"runs \\(\\*orm\\.Query\\)\\.Select \\[params 0\\]"
	var posts []*Post
	if err := db.Model(&posts).Where("title <> ?", "").Select(); err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		if err := db.Model(&p.Comments).Where("post_id = ?", p.ID).Select(); err != nil { // want `load it with the list: Relation\("Comments"\) on the query tha`
			return nil, err
		}
		out = append(out, fmt.Sprint(p.Title, len(p.Comments)))
	}
	return out, nil
}

func ignored(db *pg.DB) int { // want ignored:"runs \\(\\*orm\\.Query\\)\\.Select \\[params 0\\]"
	var posts []Post
	_ = db.Model(&posts).Order("id").Select()
	n := 0
	for i := range posts {
		_ = db.Model(&posts[i].Comments).Where("post_id = ?", posts[i].ID).Select() // want `load it with the list: Relation\("Comments"\) on the query tha`
		n += len(posts[i].Comments)
	}
	return n
}

func approved(db *pg.DB) ([]string, error) { // want approved:"runs \\(\\*orm\\.Query\\)\\.Select \\[params 0\\]"
	var posts []*Post
	err := db.Model(&posts).Select()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		if err := db.Model(&p.Comments).Where("post_id = ?", p.ID).Where("approved = ?", true).Order("id DESC").Select(); err != nil { // want `load it with the list: Relation\("Comments", func\(q \*pg\.Query`
			return nil, fmt.Errorf("comments of %d: %w", p.ID, err)
		}
		for _, c := range p.Comments {
			out = append(out, c.Body)
		}
	}
	return out, nil
}

func votes(db *pg.DB) (int, error) { // want votes:"runs \\(\\*orm\\.Query\\)\\.Select \\[params 0\\]"
	var posts []*Post
	if err := db.Model(&posts).Relation("Comments").Select(); err != nil {
		return 0, err
	}
	n := 0
	for _, p := range posts {
		for _, c := range p.Comments {
			if err := db.Model(&c.Votes).Where("comment_id = ?", c.ID).Where("up").Select(); err != nil { // want `load it with the list: Relation\("Comments\.Votes", func\(q \*pg`
				return 0, err
			}
			n += len(c.Votes)
		}
	}
	return n, nil
}

func drained(db *pg.DB) error { // want drained:"runs \\(\\*orm\\.Query\\)\\.Select \\[params 0\\]"
	var posts []*Post
	if err := db.Model(&posts).Relation("Comments").Select(); err != nil {
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
