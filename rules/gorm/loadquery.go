package gorm

import (
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"strings"

	"github.com/nplusonelint/nplusonelint/fixes"
)

// loadQuery is a per-element query recognised as loading one association
// of the loop's element: db.Where("post_id = ?", p.ID).Find(&comments),
// db.First(&author, p.AuthorID), db.Model(&p).Association("Tags").Find(&tags).
type loadQuery struct {
	owner  *types.Named // the element's model
	assoc  Association
	elem   ast.Expr // the element as the query names it (p, posts[i])
	dst    ast.Expr // the destination argument
	method string   // the finisher: Find, First, Take, Last
	extra  []cond   // conditions besides the key, all constant
	// via is the to-one path from the loop's element to elem when the
	// key is read through one (Author in p.Author.CompanyID); the origin
	// query must load it already.
	via []string
}

// cond is a condition of a query: its SQL text and arguments.
type cond struct {
	query ast.Expr
	args  []ast.Expr
}

// keyCond matches "col = ?" with an optional table and quotes.
var keyCond = regexp.MustCompile("^\\s*(?:[`\"]?\\w+[`\"]?\\.)?[`\"]?(\\w+)[`\"]?\\s*=\\s*\\?\\s*$")

// readLoad recognises the query s.Call as the load of an association of
// the element. It fails on anything it does not understand: other
// builders (Order, Limit, Joins, …), conditions on non-constant values,
// struct or map conditions.
func (s site) readLoad() (*loadQuery, bool) {
	info := s.Pass.TypesInfo
	links, _ := s.d.chain(info, s.Call)
	if len(links) == 0 || links[len(links)-1].Call != s.Call {
		return nil, false
	}
	fin := links[len(links)-1]
	q := &loadQuery{method: fin.Name}
	if len(fin.Call.Args) == 0 {
		return nil, false
	}
	q.dst = fin.Call.Args[0]
	var conds []cond
	assocName := ""
	var model ast.Expr
	for _, l := range links[:len(links)-1] {
		switch l.Name {
		case "WithContext", "Session", "Debug":
		case "Where":
			c, ok := s.condOf(l.Call.Args)
			if !ok {
				return nil, false
			}
			conds = append(conds, c)
		case "Model":
			model = l.Call.Args[0]
		case "Association":
			name, ok := fixes.StringConst(info, l.Call.Args[0])
			if !ok {
				return nil, false
			}
			assocName = name
		default:
			return nil, false
		}
	}
	if fin.Name == "Related" {
		return s.relatedLoad(q, model, conds)
	}
	if inline := fin.Call.Args[1:]; len(inline) > 0 {
		if _, isStr := fixes.StringConst(info, inline[0]); !isStr && len(inline) == 1 && assocName == "" {
			conds = append(conds, cond{args: inline}) // First(&u, id): the primary key
		} else if c, ok := s.condOf(inline); ok {
			conds = append(conds, c)
		} else {
			return nil, false
		}
	}
	if assocName != "" {
		// db.Model(&p).Association("Comments").Find(&cs)
		if fin.Name != "Find" || model == nil {
			return nil, false
		}
		q.elem = s.ElementOf(model)
		if q.elem == nil {
			return nil, false
		}
		q.owner, _ = fixes.DerefNamed(info.TypeOf(q.elem)).(*types.Named)
		if q.owner == nil {
			return nil, false
		}
		a, ok := s.d.associationNamed(q.owner, assocName)
		if !ok {
			return nil, false
		}
		q.assoc = a
		for _, c := range conds {
			if !s.constantCond(c) {
				return nil, false
			}
		}
		q.extra = conds
		return q, s.destinationFits(q)
	}
	if model != nil && !isNewOf(info, model) {
		return nil, false
	}
	// db.Where("post_id = ?", p.ID).Find(&cs): one condition on the
	// element's key; the others constant.
	var key *ast.SelectorExpr
	column := ""
	for _, c := range conds {
		if c.query != nil && s.constantCond(c) {
			q.extra = append(q.extra, c)
			continue
		}
		if key != nil || len(c.args) != 1 {
			return nil, false
		}
		sel, ok := ast.Unparen(c.args[0]).(*ast.SelectorExpr)
		if !ok || s.ElementOf(sel.X) == nil && s.toOnePath(sel.X) == nil {
			return nil, false
		}
		key = sel
		if c.query == nil {
			column = "" // the target's primary key
		} else {
			text, _ := fixes.StringConst(info, c.query)
			m := keyCond.FindStringSubmatch(text)
			if m == nil {
				return nil, false
			}
			column = m[1]
		}
	}
	if key == nil {
		return nil, false
	}
	q.elem = s.ElementOf(key.X)
	if q.elem == nil {
		q.elem, q.via = key.X, s.toOnePath(key.X)
	}
	q.owner, _ = fixes.DerefNamed(info.TypeOf(q.elem)).(*types.Named)
	target := s.elementOrSelf(info.TypeOf(q.dst))
	if q.owner == nil || target == nil {
		return nil, false
	}
	found := 0
	for _, a := range s.d.Associations(q.owner) {
		if a.ManyToMany || !types.Identical(a.Target, target) || a.OwnerKey != key.Sel.Name {
			continue
		}
		col := column
		if col == "" {
			col, _ = ColumnOf(target, PrimaryKey(target))
		}
		if a.TargetColumn == col {
			q.assoc = a
			found++
		}
	}
	return q, found == 1 && s.destinationFits(q)
}

// destinationFits reports whether the query fills exactly what the
// association's field holds, with a finisher that means the same.
func (s site) destinationFits(q *loadQuery) bool {
	dt, ok := s.Pass.TypesInfo.TypeOf(q.dst).(*types.Pointer)
	if !ok || !types.Identical(dt.Elem(), q.assoc.Field.Type()) {
		return false
	}
	if q.assoc.Many {
		return q.method == "Find" || q.method == "Related"
	}
	switch q.method {
	case "Find", "First", "Take", "Last", "Related":
		return true
	}
	return false
}

// relatedLoad recognises GORM v1's db.Model(&p).Related(&dst, names...)
// as the load of the association the dialect resolves it to; the chain
// may hold no conditions (v1 would add them to the related query).
func (s site) relatedLoad(q *loadQuery, model ast.Expr, conds []cond) (*loadQuery, bool) {
	info := s.Pass.TypesInfo
	fin := s.Call
	if s.d.Related == nil || model == nil || len(conds) > 0 || fin.Ellipsis.IsValid() {
		return nil, false
	}
	var names []string
	for _, a := range fin.Args[1:] {
		name, ok := fixes.StringConst(info, a)
		if !ok {
			return nil, false
		}
		names = append(names, name)
	}
	q.elem = s.ElementOf(model)
	if q.elem == nil {
		return nil, false
	}
	q.owner, _ = fixes.DerefNamed(info.TypeOf(q.elem)).(*types.Named)
	target := s.elementOrSelf(info.TypeOf(q.dst))
	if q.owner == nil || target == nil {
		return nil, false
	}
	a, ok := s.d.Related(q.owner, target, names)
	if !ok {
		return nil, false
	}
	q.assoc = a
	return q, s.destinationFits(q)
}

// condOf reads a condition written as a SQL string and its arguments.
func (s site) condOf(args []ast.Expr) (cond, bool) {
	if len(args) == 0 {
		return cond{}, false
	}
	if _, ok := fixes.StringConst(s.Pass.TypesInfo, args[0]); !ok {
		return cond{}, false
	}
	return cond{query: args[0], args: args[1:]}, true
}

// constantCond reports whether a condition is the same for every
// element: SQL text and arguments all constant.
func (s site) constantCond(c cond) bool {
	if c.query == nil {
		return false
	}
	for _, a := range c.args {
		if !fixes.IsConstant(s.Pass.TypesInfo, a) {
			return false
		}
	}
	return true
}

// isNewOf reports whether e is &T{} or new(T): a model argument naming a
// table and nothing else.
func isNewOf(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		lit, ok := e.X.(*ast.CompositeLit)
		return e.Op == token.AND && ok && len(lit.Elts) == 0
	case *ast.CallExpr:
		id, ok := e.Fun.(*ast.Ident)
		return ok && id.Name == "new" && info.Uses[id] == types.Universe.Lookup("new")
	}
	return false
}

// elementOrSelf returns the model a destination holds: T for *T, *[]T,
// *[]*T.
func (s site) elementOrSelf(t types.Type) *types.Named {
	if t == nil {
		return nil
	}
	if n := fixes.ElementType(t); n != nil {
		return n
	}
	n, _ := fixes.DerefNamed(fixes.DerefNamed(t)).(*types.Named)
	if n != nil && strings.HasPrefix(n.String(), s.d.Own) {
		return nil
	}
	return n
}

// toOnePath returns the fields of e (p.Author, p.Author.Company) when it
// reads value fields holding to-one associations from the loop's element,
// nil otherwise.
func (s site) toOnePath(e ast.Expr) []string {
	var fields []string
	for {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		fields = append([]string{sel.Sel.Name}, fields...)
		e = sel.X
		if s.ElementOf(e) != nil {
			break
		}
	}
	cur, _ := fixes.DerefNamed(s.Pass.TypesInfo.TypeOf(e)).(*types.Named)
	for _, f := range fields {
		if cur == nil {
			return nil
		}
		a, ok := s.d.associationNamed(cur, f)
		if _, ptr := a.Field.Type().(*types.Pointer); !ok || a.Many || ptr {
			return nil
		}
		cur = a.Target
	}
	return fields
}
