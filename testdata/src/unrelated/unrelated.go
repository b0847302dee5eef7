package unrelated

// No data library is reachable: no SSA is built, no query facts exist,
// and look-alike names are not queries.

type DB struct{}

func (DB) First(dst any, id uint) error  { return nil }
func (DB) Find(dst any, conds ...any) DB { return DB{} }

type Post struct{ ID, AuthorID uint }

func LookAlikes(db DB, posts []Post) {
	for _, p := range posts {
		db.First(nil, p.AuthorID)
		db.Find(nil, "id = ?", p.ID)
	}
}

// Apply calls f once per element: the callback fact is exported even here.
func Apply(xs []Post, f func(Post)) { // want Apply:"calls params 1; 1 per element of 0"
	for _, x := range xs {
		f(x)
	}
}
