package gorm

import (
	"go/types"
	"reflect"
	"strings"

	"github.com/nplusonelint/nplusonelint/fixes"
)

// Association is a relation between two GORM models, inferred from struct
// fields and gorm tags the way GORM's schema parser does
// (schema/relationship.go): has-one and has-many first, then belongs-to;
// many2many from its tag.
type Association struct {
	Name   string       // the owner's field: Author, Comments
	Field  *types.Var   // that field
	Target *types.Named // the related model
	Many   bool         // the field is a slice (has-many, many2many)
	// BelongsTo: the owner holds the foreign key (Post.AuthorID).
	BelongsTo bool
	// ManyToMany: the relation goes through a join table; it has no key
	// columns a query on the target compares.
	ManyToMany bool
	// OwnerKey is the owner's field a per-element query passes
	// (AuthorID for belongs-to, ID for has-one and has-many); TargetColumn
	// is the target's column it is compared with (id, post_id).
	OwnerKey     string
	TargetColumn string
}

// Associations lists the associations of a GORM model type.
func Associations(owner *types.Named) []Association {
	st, ok := owner.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []Association
	for _, f := range structFields(st) {
		if a, ok := associationOf(owner, f.v, f.tag); ok {
			out = append(out, a)
		}
	}
	return out
}

// AssociationNamed returns owner's association with the given field name.
func AssociationNamed(owner *types.Named, name string) (Association, bool) {
	for _, a := range Associations(owner) {
		if a.Name == name {
			return a, true
		}
	}
	return Association{}, false
}

type field struct {
	v   *types.Var
	tag string
}

// structFields returns st's fields as GORM sees them: anonymous structs and
// fields tagged embedded are flattened (gorm.Model's ID is the row's).
func structFields(st *types.Struct) []field {
	var out []field
	for i := 0; i < st.NumFields(); i++ {
		v, tag := st.Field(i), reflect.StructTag(st.Tag(i)).Get("gorm")
		if tag == "-" || !v.Exported() && !v.Embedded() {
			continue
		}
		if inner, ok := fixes.DerefNamed(v.Type()).(*types.Named); ok && (v.Embedded() || HasSetting(tag, "EMBEDDED")) {
			if ist, ok := inner.Underlying().(*types.Struct); ok {
				out = append(out, structFields(ist)...)
				continue
			}
		}
		out = append(out, field{v, tag})
	}
	return out
}

// associationOf infers the relation field f of owner declares, if any.
func associationOf(owner *types.Named, f *types.Var, tag string) (Association, bool) {
	t := f.Type()
	many := false
	if sl, ok := t.Underlying().(*types.Slice); ok {
		many, t = true, sl.Elem()
	}
	target, ok := fixes.DerefNamed(t).(*types.Named)
	if !ok || !isModel(target) || HasSetting(tag, "POLYMORPHIC") || HasSetting(tag, "SERIALIZER") || HasSetting(tag, "TYPE") {
		return Association{}, false
	}
	a := Association{Name: f.Name(), Field: f, Target: target, Many: many}
	if HasSetting(tag, "MANY2MANY") {
		a.ManyToMany = true
		return a, true
	}
	fk, ref := Setting(tag, "FOREIGNKEY"), Setting(tag, "REFERENCES")
	if strings.Contains(fk, ",") || strings.Contains(ref, ",") {
		return Association{}, false // composite keys
	}
	// Has one / has many: the target holds the key, named after the owner.
	ownerPK := ref
	if ownerPK == "" {
		ownerPK = PrimaryKey(owner)
	}
	if ownerPK != "" {
		names := []string{fk}
		if fk == "" {
			names = []string{owner.Obj().Name() + ownerPK, owner.Obj().Name() + "ID", owner.Obj().Name() + "Id"}
		}
		if col, ok := ColumnOf(target, names...); ok {
			a.OwnerKey, a.TargetColumn = ownerPK, col
			return a, true
		}
	}
	if many {
		return Association{}, false
	}
	// Belongs to: the owner holds the key, named after the field.
	targetPK := ref
	if targetPK == "" {
		targetPK = PrimaryKey(target)
	}
	names := []string{fk}
	if fk == "" {
		names = []string{f.Name() + targetPK, f.Name() + "ID", f.Name() + "Id"}
	}
	if targetPK == "" {
		return Association{}, false
	}
	for _, n := range names {
		if _, ok := ColumnOf(owner, n); ok {
			col, _ := ColumnOf(target, targetPK)
			a.BelongsTo, a.OwnerKey, a.TargetColumn = true, goName(owner, n), col
			return a, true
		}
	}
	return Association{}, false
}

// isModel reports whether t can be a related model: a struct that is not
// a column type (time.Time, sql.Null*, gorm.DeletedAt, a Scanner).
func isModel(t *types.Named) bool {
	if _, ok := t.Underlying().(*types.Struct); !ok {
		return false
	}
	if pkg := t.Obj().Pkg(); pkg == nil || pkg.Path() == "time" || pkg.Path() == "database/sql" || pkg.Path() == "gorm.io/gorm" {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), true, t.Obj().Pkg(), "Scan")
	_, isMethod := obj.(*types.Func)
	return !isMethod
}

// PrimaryKey returns the Go name of a model's primary key field: the one
// tagged primaryKey, else ID.
func PrimaryKey(model *types.Named) string {
	st, ok := model.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	id := ""
	for _, f := range structFields(st) {
		if HasSetting(f.tag, "PRIMARYKEY") || HasSetting(f.tag, "PRIMARY_KEY") {
			return f.v.Name()
		}
		if f.v.Name() == "ID" || ColumnName(f.v.Name()) == "id" && Setting(f.tag, "COLUMN") == "" {
			id = f.v.Name()
		}
	}
	return id
}

// ColumnOf returns the column of the first of names that is a field of
// model (by Go name or column name).
func ColumnOf(model *types.Named, names ...string) (string, bool) {
	st, ok := model.Underlying().(*types.Struct)
	if !ok {
		return "", false
	}
	fields := structFields(st)
	for _, n := range names {
		for _, f := range fields {
			col := Setting(f.tag, "COLUMN")
			if col == "" {
				col = ColumnName(f.v.Name())
			}
			if n != "" && (f.v.Name() == n || col == n) {
				return col, true
			}
		}
	}
	return "", false
}

// goName returns the Go name of model's field called name (Go or column).
func goName(model *types.Named, name string) string {
	st := model.Underlying().(*types.Struct)
	for _, f := range structFields(st) {
		if f.v.Name() == name || ColumnName(f.v.Name()) == name || Setting(f.tag, "COLUMN") == name {
			return f.v.Name()
		}
	}
	return name
}

// Setting returns a gorm tag setting's value ("foreignKey:AuthorRef"),
// keys compared case-insensitively as GORM does.
func Setting(tag, key string) string {
	for _, part := range strings.Split(tag, ";") {
		k, v, _ := strings.Cut(part, ":")
		if strings.EqualFold(strings.TrimSpace(k), key) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// HasSetting reports whether a gorm tag holds the setting, keys compared
// case-insensitively.
func HasSetting(tag, key string) bool {
	for _, part := range strings.Split(tag, ";") {
		k, _, _ := strings.Cut(part, ":")
		if strings.EqualFold(strings.TrimSpace(k), key) {
			return true
		}
	}
	return false
}

// initialisms are the words GORM's naming strategy keeps together.
var initialisms = strings.NewReplacer(func() []string {
	var pairs []string
	for _, w := range []string{"API", "ASCII", "CPU", "CSS", "DNS", "EOF", "GUID", "HTML", "HTTP", "HTTPS", "ID", "IP", "JSON", "LHS", "QPS", "RAM", "RHS", "RPC", "SLA", "SMTP", "SSH", "TLS", "TTL", "UID", "UI", "UUID", "URI", "URL", "UTF8", "VM", "XML", "XSRF", "XSS"} {
		pairs = append(pairs, w, w[:1]+strings.ToLower(w[1:]))
	}
	return pairs
}()...)

// ColumnName is GORM's default column name for a field (NamingStrategy's
// toDBName): AuthorID → author_id, HTTPURL → http_url.
func ColumnName(name string) string {
	if name == "" {
		return ""
	}
	value := initialisms.Replace(name)
	var buf strings.Builder
	upper := func(c byte) bool { return c >= 'A' && c <= 'Z' }
	var lastCase, nextCase, nextNumber bool
	curCase := upper(value[0])
	for i := 0; i < len(value)-1; i++ {
		v := value[i]
		nextCase = upper(value[i+1])
		nextNumber = value[i+1] >= '0' && value[i+1] <= '9'
		if curCase {
			if lastCase && (nextCase || nextNumber) {
				buf.WriteByte(v + 32)
			} else {
				if i > 0 && value[i-1] != '_' && value[i+1] != '_' {
					buf.WriteByte('_')
				}
				buf.WriteByte(v + 32)
			}
		} else {
			buf.WriteByte(v)
		}
		lastCase, curCase = curCase, nextCase
	}
	last := value[len(value)-1]
	if curCase {
		if !lastCase && len(value) > 1 {
			buf.WriteByte('_')
		}
		buf.WriteByte(last + 32)
	} else {
		buf.WriteByte(last)
	}
	return buf.String()
}

// hasUniqueKey reports whether the model declares a unique column or index
// besides its primary key (unique, uniqueIndex, or index with the unique
// option or class), the conflicts GORM's ON CONFLICT DO NOTHING skips.
func hasUniqueKey(model *types.Named) bool {
	st, ok := model.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for _, f := range structFields(st) {
		if HasSetting(f.tag, "UNIQUE") || HasSetting(f.tag, "UNIQUEINDEX") {
			return true
		}
		if !HasSetting(f.tag, "INDEX") {
			continue
		}
		for _, opt := range strings.Split(Setting(f.tag, "INDEX"), ",") {
			if o := strings.TrimSpace(opt); strings.EqualFold(o, "unique") || strings.EqualFold(o, "class:unique") {
				return true
			}
		}
	}
	return false
}

// Field is a model's field as GORM sees it: its Go name and its column.
type Field struct {
	Name, Column string
	Var          *types.Var
}

// Fields lists a model's fields, embedded structs flattened, in order.
func Fields(model *types.Named) []Field {
	st, ok := model.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []Field
	for _, f := range structFields(st) {
		col := Setting(f.tag, "COLUMN")
		if col == "" {
			col = ColumnName(f.v.Name())
		}
		out = append(out, Field{Name: f.v.Name(), Column: col, Var: f.v})
	}
	return out
}
