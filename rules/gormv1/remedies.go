package gormv1

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"regexp"
	"strings"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
	"github.com/nplusonelint/nplusonelint/rules/gorm"
)

// remedies are GORM v1's answers, as advice: v1 is frozen, and its
// Preload reports a missing row differently from First (no error, a zero
// field), so no edit is offered.
type remedies struct{ rules.NoRemedies }

// keyCond matches "col = ?" with an optional table and quotes.
var keyCond = regexp.MustCompile("^\\s*(?:[`\"]?\\w+[`\"]?\\.)?[`\"]?(\\w+)[`\"]?\\s*=\\s*\\?\\s*$")

const inAdvice = `collect the keys and run one query for all of them: Where("key IN (?)", keys)`

// Read advises Preload of the association the loop loads per element.
func (remedies) Read(s fixes.Site) rules.Remedy {
	if s.Call == nil {
		return rules.Remedy{Advice: inAdvice}
	}
	name, owner, ok := association(s)
	if !ok {
		return rules.Remedy{Advice: inAdvice}
	}
	prefix, ok := outerPath(s, owner)
	if !ok {
		return rules.Remedy{Advice: inAdvice}
	}
	loaded := types.ExprString(s.Collection)
	if s.Outer != nil {
		loaded = types.ExprString(s.Outer)
	}
	return rules.Remedy{Advice: fmt.Sprintf("preload it: Preload(%q) where %s is loaded", prefix+name, loaded)}
}

// Write advises one statement over the keys.
func (remedies) Write(fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: `write all rows with one statement over the keys (Where("id IN (?)", ids)), or at least inside one transaction: GORM v1 has no batch insert`}
}

// Count advises one grouped count.
func (remedies) Count(fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: `count them all with one query: Select("key, count(*)").Where("key IN (?)", keys).Group("key")`}
}

// Existence advises a one-row select.
func (remedies) Existence(fixes.CountSite) rules.Remedy {
	return rules.Remedy{Advice: `select at most one row instead: Select("1").Limit(1).Find(&rows)`}
}

// association recognises the loop's query as the load of an association
// of the element and returns its name and the element's model:
// db.Model(&p).Related(&author), db.Model(&p).Association("Tags").Find(&tags),
// db.Where("post_id = ?", p.ID).Find(&comments), db.First(&author, p.AuthorID).
func association(s fixes.Site) (string, *types.Named, bool) {
	info := s.Pass.TypesInfo
	links, _ := fixes.Chain(info, s.Call, func(fn *types.Func) bool {
		return fn.Pkg() != nil && fn.Pkg().Path() == path && fn.Signature().Recv() != nil
	})
	if len(links) == 0 || links[len(links)-1].Call != s.Call || len(s.Call.Args) == 0 {
		return "", nil, false
	}
	fin := links[len(links)-1]
	var model ast.Expr
	assoc := ""
	var key *ast.SelectorExpr
	column := ""
	for _, l := range links[:len(links)-1] {
		switch l.Name {
		case "Model":
			model = l.Call.Args[0]
		case "Association":
			assoc, _ = fixes.StringConst(info, l.Call.Args[0])
		case "Where":
			text, ok := fixes.StringConst(info, l.Call.Args[0])
			if !ok || len(l.Call.Args) != 2 {
				return "", nil, false
			}
			if fixes.IsConstant(info, l.Call.Args[1]) {
				continue
			}
			m := keyCond.FindStringSubmatch(text)
			sel, ok := ast.Unparen(l.Call.Args[1]).(*ast.SelectorExpr)
			if m == nil || !ok || key != nil {
				return "", nil, false
			}
			key, column = sel, m[1]
		case "Debug", "Unscoped", "New":
		default:
			return "", nil, false
		}
	}
	switch {
	case model != nil && (fin.Name == "Related" || assoc != "" && fin.Name == "Find"):
		elem := s.ElementOf(model)
		if elem == nil {
			return "", nil, false
		}
		owner, _ := fixes.DerefNamed(info.TypeOf(elem)).(*types.Named)
		if owner == nil {
			return "", nil, false
		}
		if assoc != "" {
			_, ok := gorm.AssociationNamed(owner, assoc)
			return assoc, owner, ok
		}
		target := modelOf(info.TypeOf(fin.Call.Args[0]))
		named := "" // Related(&u, "Author"): the source's field naming the association
		if len(fin.Call.Args) == 2 {
			named, _ = fixes.StringConst(info, fin.Call.Args[1])
		}
		name := ""
		for _, a := range associations(owner) {
			if target != nil && types.Identical(a.Target, target) && (named == "" || a.Name == named) {
				if name != "" {
					return "", nil, false
				}
				name = a.Name
			}
		}
		return name, owner, name != ""
	case model != nil:
		return "", nil, false
	}
	if key == nil && len(fin.Call.Args) == 2 && (fin.Name == "First" || fin.Name == "Find" || fin.Name == "Take") {
		key, _ = ast.Unparen(fin.Call.Args[1]).(*ast.SelectorExpr) // First(&u, p.AuthorID): the primary key
	}
	if key == nil || s.ElementOf(key.X) == nil {
		return "", nil, false
	}
	owner, _ := fixes.DerefNamed(info.TypeOf(s.ElementOf(key.X))).(*types.Named)
	target := modelOf(info.TypeOf(fin.Call.Args[0]))
	if owner == nil || target == nil {
		return "", nil, false
	}
	name := ""
	for _, a := range associations(owner) {
		if a.ManyToMany || !types.Identical(a.Target, target) || a.OwnerKey != key.Sel.Name {
			continue
		}
		if column != "" && a.TargetColumn != column {
			continue
		}
		if column == "" && a.TargetColumn != "id" {
			continue
		}
		if name != "" {
			return "", nil, false
		}
		name = a.Name
	}
	return name, owner, name != ""
}

// associations lists owner's associations as GORM v1 infers them: as v2
// does, except that a field using a setting only v1 knows
// (association_foreignkey, jointable_foreignkey, …) is left out.
func associations(owner *types.Named) []gorm.Association {
	var out []gorm.Association
	for _, a := range gorm.Associations(owner) {
		st := owner.Underlying().(*types.Struct)
		tag := ""
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i) == a.Field {
				tag = strings.ToUpper(reflect.StructTag(st.Tag(i)).Get("gorm"))
			}
		}
		if strings.Contains(tag, "ASSOCIATION_") || strings.Contains(tag, "JOINTABLE_") {
			continue
		}
		out = append(out, a)
	}
	return out
}

// outerPath returns the association path from the outer collection's
// model to owner ("Comments." for a loop over p.Comments in a loop over
// posts), "" when the loop iterates the loaded collection itself.
func outerPath(s fixes.Site, owner *types.Named) (string, bool) {
	if s.Outer == nil {
		return "", true
	}
	cur := fixes.ElementType(s.Pass.TypesInfo.TypeOf(s.Outer))
	_, fields := fixes.FieldPath(s.Collection)
	if cur == nil || len(fields) == 0 {
		return "", false
	}
	for _, f := range fields {
		a, ok := gorm.AssociationNamed(cur, f)
		if !ok {
			return "", false
		}
		cur = a.Target
	}
	return strings.Join(fields, ".") + ".", types.Identical(cur, owner)
}

// modelOf returns the model a destination holds: T for *T, *[]T, *[]*T.
func modelOf(t types.Type) *types.Named {
	if t == nil {
		return nil
	}
	if n := fixes.ElementType(t); n != nil {
		return n
	}
	n, _ := fixes.DerefNamed(fixes.DerefNamed(t)).(*types.Named)
	return n
}
