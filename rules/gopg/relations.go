package gopg

import (
	"go/types"
	"reflect"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules/relationload"
	"github.com/nplusonelint/nplusonelint/rules/structtag"
)

// Relation is a relation a go-pg model declares with a `pg:"rel:…"` tag
// (has-one, belongs-to, has-many; many2many has no columns), its key
// columns inferred as go-pg's orm/table.go does. go-pg's has-one is the
// owner holding <field>_<pk> of the target (fk:col names it, join_fk:col
// replaces the target's primary key); belongs-to and has-many are the
// target holding <model>_<pk> of the owner (join_fk:col names it); either
// falls back to a column named as the primary key itself.
type Relation = relationload.Relation

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
		if _, m2m := opts["many2many"]; m2m && kind == "" {
			kind = "many2many"
		}
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
		case "has-one": // mustHasOneRelation
			joinPKs := primaryKeys(target)
			if jf, ok := opts["join_fk"]; ok {
				joinPKs = []string{jf}
			}
			if len(joinPKs) != 1 || !hasColumn(target, joinPKs[0]) {
				break
			}
			r.JoinColumn = joinPKs[0]
			if fk, ok := opts["fk"]; ok {
				r.BaseColumn = fk
			} else {
				r.BaseColumn = firstColumn(owner, structtag.Underscore(f.Name())+"_"+r.JoinColumn, r.JoinColumn)
			}
		case "belongs-to", relationload.HasMany: // mustBelongsToRelation, mustHasManyRelation
			pks := primaryKeys(owner)
			if len(pks) != 1 {
				break
			}
			r.BaseColumn = pks[0]
			if jf, ok := opts["join_fk"]; ok {
				r.JoinColumn = jf
			} else {
				r.JoinColumn = firstColumn(target, structtag.Underscore(owner.Obj().Name())+"_"+r.BaseColumn, r.BaseColumn)
			}
		}
		if _, poly := opts["polymorphic"]; poly || !hasColumn(owner, r.BaseColumn) || !hasColumn(target, r.JoinColumn) {
			r.BaseColumn, r.JoinColumn = "", ""
		}
		out = append(out, r)
	}
	return out
}

// column is one column of a model: its Go field, SQL name, and whether it
// is tagged pk.
type column struct {
	goName, name string
	pk           bool
}

// columns lists model's columns as go-pg's addFields does: embedded
// structs inlined (unless tagged "-"), exported fields, the tag's name or
// the field's name underscored, relation fields left out.
func columns(model *types.Named) []column {
	var out []column
	var walk func(st *types.Struct)
	walk = func(st *types.Struct) {
		for i := 0; i < st.NumFields(); i++ {
			f := st.Field(i)
			name, opts := structtag.Parse(reflect.StructTag(st.Tag(i)).Get("pg"))
			if name == "-" {
				continue
			}
			if f.Embedded() {
				if inner, ok := fixes.DerefNamed(f.Type()).Underlying().(*types.Struct); ok {
					walk(inner)
				}
				continue
			}
			if _, m2m := opts["many2many"]; !f.Exported() || f.Name() == "tableName" || opts["rel"] != "" || m2m {
				continue
			}
			if name == "" {
				name = structtag.Underscore(f.Name())
			}
			_, pk := opts["pk"]
			out = append(out, column{goName: f.Name(), name: name, pk: pk})
		}
	}
	if st, ok := model.Underlying().(*types.Struct); ok {
		walk(st)
	}
	return out
}

// primaryKeys returns the columns of model's primary key as go-pg's
// newField marks them, field by field: tagged pk, or, while none is yet,
// named id, uuid or pk_<model>.
func primaryKeys(model *types.Named) []string {
	var pks []string
	for _, c := range columns(model) {
		switch {
		case c.pk:
			pks = append(pks, c.name)
		case len(pks) == 0 && (c.name == "id" || c.name == "uuid" || c.name == "pk_"+structtag.Underscore(model.Obj().Name())):
			pks = append(pks, c.name)
		}
	}
	return pks
}

// hasColumn reports whether model has a column of that name.
func hasColumn(model *types.Named, name string) bool {
	return firstColumn(model, name) != ""
}

// firstColumn returns the first of names that is a column of model, or
// "" when none is.
func firstColumn(model *types.Named, names ...string) string {
	cols := columns(model)
	for _, n := range names {
		for _, c := range cols {
			if n != "" && c.name == n {
				return n
			}
		}
	}
	return ""
}

// ColumnOf returns the column of model's field named goName ("" if none).
func ColumnOf(model *types.Named, goName string) string {
	for _, c := range columns(model) {
		if c.goName == goName {
			return c.name
		}
	}
	return ""
}
