package gormv1

import (
	"go/types"
	"reflect"
	"strings"

	"github.com/nplusonelint/nplusonelint/rules/gorm"
)

// associations lists owner's associations as GORM v1 infers them
// (model_struct.go): as v2 does, with the same FOREIGNKEY and MANY2MANY
// settings, except that a field whose tag means something else in v1 is
// left out: ASSOCIATION_FOREIGNKEY (v2's references, unknown to v2's
// parser), REFERENCES (unknown to v1), and a FOREIGNKEY alone from which
// v1 derives the other key by stripping a prefix (foreignkey:PostCode
// keys on the owner's Code where v2 keys on its primary key).
func associations(owner *types.Named) []gorm.Association {
	st, ok := owner.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []gorm.Association
	for _, a := range gorm.Associations(owner) {
		tag := ""
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i) == a.Field {
				tag = reflect.StructTag(st.Tag(i)).Get("gorm")
			}
		}
		if gorm.HasSetting(tag, "ASSOCIATION_FOREIGNKEY") || gorm.HasSetting(tag, "ASSOCIATIONFOREIGNKEY") || gorm.HasSetting(tag, "REFERENCES") {
			continue
		}
		if fk := gorm.Setting(tag, "FOREIGNKEY"); fk != "" && !a.ManyToMany && strippedKey(owner, a, fk) {
			continue
		}
		out = append(out, a)
	}
	return out
}

// strippedKey reports whether v1 derives from a FOREIGNKEY alone an
// association key other than the primary key: the key's name less the
// owner's type name (has-one, has-many) or the field's name (belongs-to)
// naming another field of that side.
func strippedKey(owner *types.Named, a gorm.Association, fk string) bool {
	side, prefix := owner, owner.Obj().Name()
	if a.BelongsTo {
		side, prefix = a.Target, a.Name
	}
	rest, ok := strings.CutPrefix(fk, prefix)
	if !ok {
		return false
	}
	f, ok := field(side, rest)
	return ok && f.Name != gorm.PrimaryKey(side)
}

// field finds a model's field as v1's Scope.FieldByName does: by Go name
// or column, else the last whose column is the name's column name.
func field(model *types.Named, name string) (gorm.Field, bool) {
	var most gorm.Field
	found := false
	for _, f := range gorm.Fields(model) {
		if f.Name == name || f.Column == name {
			return f, true
		}
		if f.Column == gorm.ColumnName(name) {
			most, found = f, true
		}
	}
	return most, found
}

// related resolves db.Model(&p).Related(&dst, names...) as v1's
// Scope.related does: the first of the names, then "<Target>Id" and
// "<Owner>Id", that is a field of the owner (an association field loads
// that association; a key field loads the target whose primary key it
// holds) or of the target (a key holding the owner's primary key). It
// returns the association the query loads, if exactly one matches.
func related(owner, target *types.Named, names []string) (gorm.Association, bool) {
	candidates := append(append([]string{}, names...), target.Obj().Name()+"Id", owner.Obj().Name()+"Id")
	for _, n := range candidates {
		if from, ok := field(owner, n); ok {
			for _, a := range associations(owner) {
				if a.Field == from.Var {
					return a, types.Identical(a.Target, target)
				}
			}
			if _, ok := gorm.ColumnOf(owner, from.Name); !ok || isStructOrSlice(from.Var.Type()) {
				return gorm.Association{}, false // a relation v1 may see and this does not
			}
			pk, _ := gorm.ColumnOf(target, gorm.PrimaryKey(target))
			return only(owner, func(a gorm.Association) bool {
				return a.BelongsTo && a.OwnerKey == from.Name && types.Identical(a.Target, target) && a.TargetColumn == pk
			})
		}
		if to, ok := field(target, n); ok {
			pk := gorm.PrimaryKey(owner)
			return only(owner, func(a gorm.Association) bool {
				return !a.BelongsTo && !a.ManyToMany && a.OwnerKey == pk && types.Identical(a.Target, target) && a.TargetColumn == to.Column
			})
		}
	}
	return gorm.Association{}, false
}

// only returns the one association of owner that match accepts.
func only(owner *types.Named, match func(gorm.Association) bool) (gorm.Association, bool) {
	var out gorm.Association
	n := 0
	for _, a := range associations(owner) {
		if match(a) {
			out = a
			n++
		}
	}
	return out, n == 1
}

// isStructOrSlice reports whether a field may hold a relation: a struct,
// a pointer to one, or a slice.
func isStructOrSlice(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch t.Underlying().(type) {
	case *types.Struct, *types.Slice:
		return true
	}
	return false
}
