package tables // want package:"reaches data access"

// A package's list of models, filled in init with new(T) values and
// copied with one more: one statement per table, not per row of data.
// A list a caller extends at run time is data.

import (
	"encoding/json"
	"io"

	"xorm.io/xorm"
)

// User is a model.
type User struct {
	ID   int64
	Name string
}

// Repo is a model.
type Repo struct {
	ID      int64
	OwnerID int64
}

// Version is the schema version's model.
type Version struct {
	ID      int64
	Version int64
}

var models []any

func init() {
	models = append(models, new(User), &Repo{})
}

// Dump writes every table out, one Iterate per table.
func Dump(e *xorm.Engine, w io.Writer) error { // want Dump:"runs \\(\\*xorm\\.Engine\\)\\.Iterate \\[params 0,1\\]"
	all := append(models, new(Version))
	for _, m := range all {
		if err := e.Iterate(m, func(_ int, bean any) error {
			return json.NewEncoder(w).Encode(bean)
		}); err != nil {
			return err
		}
	}
	return nil
}

var plugins []any

// Register adds a caller's model.
func Register(m any) { plugins = append(plugins, m) }

// Counts counts the rows of each registered model: the list is data.
func Counts(e *xorm.Engine) ([]int64, error) {
	var out []int64
	for _, p := range plugins {
		n, err := e.Count(p) // want `N\+1 query: \(\*xorm\.Engine\)\.Count runs once per element of plugins`
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}
