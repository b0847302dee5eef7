package bun

import (
	"go/types"
	"reflect"
	"strings"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules/relationload"
	"github.com/nplusonelint/nplusonelint/rules/structtag"
)

// Relation is a relation a bun model declares with a `bun:"rel:…"` tag
// (belongs-to, has-one, has-many, many-to-many), its join columns
// inferred as bun's schema does (schema/table.go): belongs-to joins
// <field>_<pk> of the owner (or <pk>) to the target's primary key;
// has-one and has-many join the owner's primary key to <model>_<pk> of
// the target (or <pk>); join:base=join overrides both; many-to-many and
// composite joins have no columns.
type Relation = relationload.Relation

// Relations lists the relations of a bun model type.
func Relations(owner *types.Named) []Relation {
	st, ok := owner.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []Relation
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		name, opts := structtag.Parse(reflect.StructTag(st.Tag(i)).Get("bun"))
		kind := opts["rel"]
		if kind == "" || name == "-" || !f.Exported() {
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
		if join := opts["join"]; join != "" && !strings.Contains(join, ",") {
			r.BaseColumn, r.JoinColumn, _ = strings.Cut(join, "=")
		} else if join == "" {
			switch kind {
			case "belongs-to":
				pk := primaryKey(target)
				r.BaseColumn, r.JoinColumn = firstColumn(owner, structtag.Underscore(f.Name())+"_"+pk, pk), pk
			case "has-one", "has-many":
				pk := primaryKey(owner)
				r.BaseColumn, r.JoinColumn = pk, firstColumn(target, structtag.Underscore(owner.Obj().Name())+"_"+pk, pk)
			}
		}
		if _, poly := opts["polymorphic"]; poly || opts["join_on"] != "" {
			r.BaseColumn, r.JoinColumn = "", ""
		}
		out = append(out, r)
	}
	return out
}

// columns returns model's columns by Go field name (embedded structs
// flattened, as bun does with bun.BaseModel and embedded models).
func columns(model *types.Named) map[string]string {
	out := map[string]string{}
	var walk func(st *types.Struct)
	walk = func(st *types.Struct) {
		for i := 0; i < st.NumFields(); i++ {
			f := st.Field(i)
			name, opts := structtag.Parse(reflect.StructTag(st.Tag(i)).Get("bun"))
			if name == "-" || opts["rel"] != "" {
				continue
			}
			if f.Embedded() {
				if inner, ok := fixes.DerefNamed(f.Type()).Underlying().(*types.Struct); ok {
					walk(inner)
				}
				continue
			}
			if !f.Exported() {
				continue
			}
			if name == "" {
				name = structtag.Underscore(f.Name())
			}
			out[f.Name()] = name
			if _, pk := opts["pk"]; pk {
				out[""] = name // the primary key
			}
		}
	}
	if st, ok := model.Underlying().(*types.Struct); ok {
		walk(st)
	}
	return out
}

// primaryKey returns the column of model's primary key: the field tagged
// pk, else id.
func primaryKey(model *types.Named) string {
	if pk, ok := columns(model)[""]; ok {
		return pk
	}
	return "id"
}

// firstColumn returns the first of names that is a column of model, or
// "" when none is.
func firstColumn(model *types.Named, names ...string) string {
	cols := columns(model)
	for _, n := range names {
		for f, c := range cols {
			if f != "" && c == n {
				return n
			}
		}
	}
	return ""
}

// ColumnOf returns the column of model's field named goName.
func ColumnOf(model *types.Named, goName string) string { return columns(model)[goName] }
