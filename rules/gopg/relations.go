package gopg

import (
	"go/types"
	"reflect"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules/structtag"
)

// Relation is a relation a go-pg model declares with a `pg:"rel:…"` tag,
// its key columns inferred as go-pg's orm/table.go does. go-pg's has-one
// is the owner holding <field>_<pk> (fk:col overrides); belongs-to and
// has-many are the target holding <model>_<pk> (join_fk:col overrides).
type Relation struct {
	Name   string       // the owner's field: Author, Comments
	Target *types.Named // the related model
	Kind   string       // has-one, belongs-to, has-many
	// BaseColumn is the owner's column a per-element query passes,
	// JoinColumn the target's column it is compared with.
	BaseColumn, JoinColumn string
}

// Relations lists the relations of a go-pg model type.
func Relations(owner *types.Named) []Relation {
	st, ok := owner.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []Relation
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		_, opts := structtag.Parse(reflect.StructTag(st.Tag(i)).Get("pg"))
		kind := opts["rel"]
		if kind == "" || !f.Exported() {
			continue
		}
		t := f.Type()
		if sl, ok := t.Underlying().(*types.Slice); ok {
			t = sl.Elem()
		}
		target, ok := fixes.DerefNamed(t).(*types.Named)
		if !ok {
			continue
		}
		r := Relation{Name: f.Name(), Target: target, Kind: kind}
		switch kind {
		case "has-one":
			r.JoinColumn = primaryKey(target)
			r.BaseColumn = opts["fk"]
			if r.BaseColumn == "" {
				r.BaseColumn = structtag.Underscore(f.Name()) + "_" + r.JoinColumn
			}
		case "belongs-to", "has-many":
			r.BaseColumn = primaryKey(owner)
			r.JoinColumn = opts["join_fk"]
			if r.JoinColumn == "" {
				r.JoinColumn = structtag.Underscore(owner.Obj().Name()) + "_" + r.BaseColumn
			}
		}
		if _, poly := opts["polymorphic"]; poly {
			r.BaseColumn, r.JoinColumn = "", ""
		}
		out = append(out, r)
	}
	return out
}

// RelationNamed returns owner's relation with the given field name.
func RelationNamed(owner *types.Named, name string) (Relation, bool) {
	for _, r := range Relations(owner) {
		if r.Name == name {
			return r, true
		}
	}
	return Relation{}, false
}

// ColumnOf returns the column of model's field named goName ("" if none).
func ColumnOf(model *types.Named, goName string) string {
	st, ok := model.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		name, _ := structtag.Parse(reflect.StructTag(st.Tag(i)).Get("pg"))
		if f.Embedded() {
			if inner, ok := fixes.DerefNamed(f.Type()).(*types.Named); ok {
				if c := ColumnOf(inner, goName); c != "" {
					return c
				}
			}
			continue
		}
		if f.Name() != goName || name == "-" {
			continue
		}
		if name == "" {
			name = structtag.Underscore(f.Name())
		}
		return name
	}
	return ""
}

// primaryKey returns the column of model's primary key: the field tagged
// pk, else id.
func primaryKey(model *types.Named) string {
	st, ok := model.Underlying().(*types.Struct)
	if !ok {
		return "id"
	}
	for i := 0; i < st.NumFields(); i++ {
		name, opts := structtag.Parse(reflect.StructTag(st.Tag(i)).Get("pg"))
		if _, pk := opts["pk"]; pk {
			if name == "" {
				name = structtag.Underscore(st.Field(i).Name())
			}
			return name
		}
	}
	return "id"
}
