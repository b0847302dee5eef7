package gorm

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"github.com/nplusonelint/nplusonelint/fixes"
)

// joinPlan decides between Joins and Preload for a to-one association
// (GORM's select_related against prefetch_related). Joins("X") turns the
// origin query into one SELECT with a LEFT JOIN of X's table aliased "X"
// (callbacks/query.go): the origin's own columns are selected qualified
// with its table, X's as "X__col", and the ON clause holds the relation's
// keys, X's soft-delete clause and a filter's conditions. What GORM does
// not qualify is raw SQL text: a Where, Order or inline condition string
// naming a column the joined table has too becomes ambiguous
// (Order("id")), so Joins is offered only when no such text names one.
//
// It returns the text of the Joins arguments, or "" and why not.
func (s site) joinPlan(q *loadQuery) (args, why string) {
	a := q.assoc
	switch {
	case a.Many || a.ManyToMany:
		return "", "" // never: a join repeats the owner's rows
	case s.Outer != nil:
		return "", "" // the path goes through a collection
	case s.Origin == nil || s.Param:
		return "", ""
	}
	if _, ptr := a.Field.Type().(*types.Pointer); ptr {
		return "", fmt.Sprintf("%s is a pointer field", a.Name)
	}
	if !uniqueColumn(a.Target, a.TargetColumn) {
		return "", fmt.Sprintf("%s.%s is not declared unique, so a join could repeat rows", a.Target.Obj().Name(), a.TargetColumn)
	}
	if hasMethod(a.Target, "AfterFind") {
		return "", fmt.Sprintf("%s has an AfterFind hook, which a join does not run", a.Target.Obj().Name())
	}
	info := s.Pass.TypesInfo
	links, root := chain(info, s.Origin)
	if len(q.via) > 0 && !s.joinsAlready(links, strings.Join(q.via, ".")) {
		return "", fmt.Sprintf("%s is preloaded, not joined (a preload would overwrite the joined %s)", strings.Join(q.via, "."), q.via[len(q.via)-1])
	}
	if !s.cleanRoot(root) {
		return "", fmt.Sprintf("the query starts from %s, whose clauses are not known here", types.ExprString(root))
	}
	joined := columns(a.Target)
	var texts []ast.Expr // raw SQL the origin's clauses write unqualified
	for _, l := range links {
		switch l.Name {
		case "WithContext", "Session", "Debug", "Limit", "Offset", "Preload":
		case "Where", "Or", "Not", "Find":
			args := l.Call.Args
			if l.Name == "Find" {
				args = args[1:]
			}
			t, ok := s.conditionText(args)
			if !ok {
				return "", fmt.Sprintf("%s's condition may name columns the joined table has too", l.Name)
			}
			texts = append(texts, t...)
		case "Order":
			if len(l.Call.Args) != 1 {
				return "", "Order's argument may name a column the joined table has too"
			}
			if _, ok := fixes.StringConst(info, l.Call.Args[0]); !ok {
				return "", "Order's argument may name a column the joined table has too"
			}
			texts = append(texts, l.Call.Args[0])
		case "Joins":
			name, ok := fixes.StringConst(info, l.Call.Args[0])
			other, isAssoc := AssociationNamed(fixes.ElementType(info.TypeOf(s.Origin.Args[0])), name)
			if !ok || !isAssoc || other.Many {
				return "", "the query joins other tables already"
			}
			for c := range columns(other.Target) {
				joined[c] = true
			}
		case "Unscoped":
			return "", "Unscoped would join the soft-deleted rows the loop's query skipped"
		default:
			return "", fmt.Sprintf("%s may name columns the joined table has too", l.Name)
		}
	}
	for _, t := range texts {
		text, _ := fixes.StringConst(info, t)
		for _, id := range unqualified(text) {
			if joined[strings.ToLower(id)] {
				return "", fmt.Sprintf("%s names %s unqualified, a column of the joined table too, so it would become ambiguous", s.Text(t), id)
			}
		}
	}
	args = fmt.Sprintf("%q", strings.Join(append(append([]string{}, q.via...), a.Name), "."))
	if len(q.extra) == 0 {
		return args, ""
	}
	// A filtered join: the loop's constant conditions go into the ON
	// clause, where they must name only the joined table's columns.
	own := columns(fixes.ElementType(info.TypeOf(s.Origin.Args[0])))
	filter := s.Text(root)
	for _, c := range q.extra {
		text, _ := fixes.StringConst(info, c.query)
		for _, id := range unqualified(text) {
			if !joined[strings.ToLower(id)] || own[strings.ToLower(id)] {
				return "", fmt.Sprintf("the condition %s does not name only %s's columns", s.Text(c.query), a.Target.Obj().Name())
			}
		}
		parts := []string{s.Text(c.query)}
		for _, v := range c.args {
			parts = append(parts, s.Text(v))
		}
		filter += ".Where(" + strings.Join(parts, ", ") + ")"
	}
	return args + ", " + filter, ""
}

// conditionText checks a condition's arguments (Where's, or a Find's
// inline ones): a SQL string is returned for its names to be checked;
// struct, map and primary-key values GORM qualifies with the table
// itself. Anything else (clause expressions, strings not constant) fails.
func (s site) conditionText(args []ast.Expr) ([]ast.Expr, bool) {
	if len(args) == 0 {
		return nil, true
	}
	info := s.Pass.TypesInfo
	if _, ok := fixes.StringConst(info, args[0]); ok {
		return args[:1], true // the rest are values
	}
	for _, a := range args {
		t := info.TypeOf(a)
		if t == nil {
			return nil, false
		}
		switch u := fixes.DerefNamed(t).Underlying().(type) {
		case *types.Basic:
			if u.Info()&types.IsNumeric == 0 {
				return nil, false
			}
		case *types.Slice:
			if b, ok := u.Elem().Underlying().(*types.Basic); !ok || b.Info()&types.IsNumeric == 0 {
				return nil, false
			}
		case *types.Map:
			if b, ok := u.Key().Underlying().(*types.Basic); !ok || b.Kind() != types.String {
				return nil, false
			}
		case *types.Struct:
			if n, ok := fixes.DerefNamed(t).(*types.Named); !ok || !isModel(n) {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	return nil, true
}

// cleanRoot reports whether a chain starts from a *gorm.DB that carries
// no clauses the code here cannot see: a parameter, a field or a
// package-level variable, not a local variable built elsewhere.
func (s site) cleanRoot(root ast.Expr) bool {
	switch r := ast.Unparen(root).(type) {
	case *ast.SelectorExpr:
		sel := s.Pass.TypesInfo.Selections[r]
		if sel != nil {
			return sel.Kind() == types.FieldVal
		}
		v, ok := s.Pass.TypesInfo.Uses[r.Sel].(*types.Var)
		return ok && v.Parent() == v.Pkg().Scope() // pkg.DB
	case *ast.Ident:
		v, ok := s.Pass.TypesInfo.Uses[r].(*types.Var)
		if !ok {
			return false
		}
		if v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
			return true
		}
		fn := s.FuncOf(s.Loop)
		var params *ast.FieldList
		switch f := fn.(type) {
		case *ast.FuncDecl:
			params = f.Type.Params
		case *ast.FuncLit:
			params = f.Type.Params
		}
		return params != nil && params.Pos() <= v.Pos() && v.Pos() < params.End()
	}
	return false
}

// columns returns the lower-cased column names of a model.
func columns(model *types.Named) map[string]bool {
	out := map[string]bool{}
	if model == nil {
		return out
	}
	st, ok := model.Underlying().(*types.Struct)
	if !ok {
		return out
	}
	for _, f := range structFields(st) {
		if _, ok := associationOf(model, f.v, f.tag); ok {
			continue
		}
		col := Setting(f.tag, "COLUMN")
		if col == "" {
			col = ColumnName(f.v.Name())
		}
		out[strings.ToLower(col)] = true
	}
	return out
}

// uniqueColumn reports whether col holds one value per row of model: its
// primary key, or a column declared unique on its own.
func uniqueColumn(model *types.Named, col string) bool {
	st, ok := model.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	pk := PrimaryKey(model)
	fields := structFields(st)
	for _, f := range fields {
		c := Setting(f.tag, "COLUMN")
		if c == "" {
			c = ColumnName(f.v.Name())
		}
		if c != col {
			continue
		}
		if f.v.Name() == pk || HasSetting(f.tag, "UNIQUE") {
			return true
		}
		if !HasSetting(f.tag, "UNIQUEINDEX") {
			return false
		}
		name := Setting(f.tag, "UNIQUEINDEX")
		for _, g := range fields { // a named index shared by other fields is composite
			if g.v != f.v && name != "" && Setting(g.tag, "UNIQUEINDEX") == name {
				return false
			}
		}
		return true
	}
	return false
}

// hasMethod reports whether *t has a method of that name.
func hasMethod(t *types.Named, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), true, t.Obj().Pkg(), name)
	_, ok := obj.(*types.Func)
	return ok
}

// sqlWords are the words of condition and order text that name no column.
var sqlWords = map[string]bool{
	"and": true, "or": true, "not": true, "is": true, "null": true, "in": true, "like": true,
	"between": true, "true": true, "false": true, "asc": true, "desc": true, "nulls": true,
	"first": true, "last": true, "exists": true, "select": true, "from": true, "where": true,
	"case": true, "when": true, "then": true, "else": true, "end": true, "distinct": true,
	"escape": true, "ilike": true, "collate": true, "as": true, "any": true, "all": true,
}

// unqualified returns the names a SQL fragment uses without a table
// (id in "id desc", not posts.id), skipping string literals, named
// parameters (@name), function names and SQL's own words.
func unqualified(sql string) []string {
	var out []string
	isWord := func(c byte) bool {
		return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	prev := byte(' ')
	for i := 0; i < len(sql); {
		c := sql[i]
		switch {
		case c == '\'':
			j := i + 1
			for j < len(sql) && sql[j] != '\'' {
				j++
			}
			i, prev = j+1, '\''
			continue
		case c == '`' || c == '"' || isWord(c) && !(c >= '0' && c <= '9'):
			j, word := i, ""
			if c == '`' || c == '"' {
				k := strings.IndexByte(sql[i+1:], c)
				if k < 0 {
					return append(out, sql[i:]) // unbalanced: say something is there
				}
				word, j = sql[i+1:i+1+k], i+2+k
			} else {
				for j < len(sql) && isWord(sql[j]) {
					j++
				}
				word = sql[i:j]
			}
			k := j
			for k < len(sql) && sql[k] == ' ' {
				k++
			}
			next := byte(' ')
			if k < len(sql) {
				next = sql[k]
			}
			if prev != '.' && prev != '@' && prev != ':' && next != '.' && next != '(' && !(c != '`' && c != '"' && sqlWords[strings.ToLower(word)]) {
				out = append(out, word)
			}
			i, prev = j, 'a'
			continue
		case isWord(c): // a number
			for i < len(sql) && isWord(sql[i]) {
				i++
			}
			prev = '0'
			continue
		}
		if c != ' ' {
			prev = c
		}
		i++
	}
	return out
}

// joinsAlready reports whether the chain joins the association path
// without conditions.
func (s site) joinsAlready(links []fixes.Link, path string) bool {
	for _, l := range links {
		if l.Name == "Joins" && len(l.Call.Args) == 1 {
			if name, ok := fixes.StringConst(s.Pass.TypesInfo, l.Call.Args[0]); ok && name == path {
				return true
			}
		}
	}
	return false
}
