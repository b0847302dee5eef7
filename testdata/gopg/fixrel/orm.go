package fixrel

// A helper given the orm.DB interface: the func form needs pg, which
// the fix imports.

import (
	"github.com/go-pg/pg/v10/orm"
)

func recent(db orm.DB) (int, error) { // want recent:"runs \\(\\*orm\\.Query\\)\\.Select \\[params 0\\]"
	var posts []*Post
	if err := db.Model(&posts).Limit(10).Select(); err != nil {
		return 0, err
	}
	n := 0
	for _, p := range posts {
		if err := db.Model(&p.Comments).Where("post_id = ?", p.ID).Order("id").Select(); err != nil { // want `load it with the list: Relation\("Comments", func\(q \*pg\.Query`
			return 0, err
		}
		n += len(p.Comments)
	}
	return n, nil
}
