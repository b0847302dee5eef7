package analyzer

import (
	"go/constant"
	"go/token"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/nplusonelint/nplusonelint/rules"
)

// reach is a way a call instruction leads to a query.
type reach struct {
	chain []Hop // chain[0] is the call itself; the last hop is the query call
	query string
	lib   string // the library's name
	kind  rules.Kind
	// deps are the values whose per-element variation makes the query vary.
	deps []ssa.Value
	// perElement, when set, is the loop the call itself makes: a named
	// function or method value that a higher-order function calls once per
	// element, with the element flowing into the query.
	perElement *loop
	// script are the values a statement's SQL text is read from when that
	// text is neither a known template nor built by a library: a file's
	// or a list's statements. A loop running a different script per
	// element applies a list (migrations), whatever else it runs.
	script []ssa.Value
}

// hopAt makes the hop for a call of callee at pos.
func (s *state) hopAt(callee string, pos token.Pos) Hop {
	p := s.pass.Fset.Position(pos)
	return Hop{Callee: callee, File: p.Filename, Line: p.Line, Column: p.Column, pos: pos}
}

// resolve lists the queries a call instruction runs: a library query, a
// function or closure that runs one, or a function value handed to a
// callee that calls it.
func (s *state) resolve(call ssa.CallInstruction) []reach {
	c := call.Common()
	var obj *types.Func
	if c.IsInvoke() {
		obj = c.Method
	} else if callee := c.StaticCallee(); callee != nil {
		obj = funcObject(callee)
	}
	if obj != nil {
		if q, ok := s.reg.Lookup(obj); ok {
			out := []reach{s.libraryQuery(call, obj, q)}
			// A query calling a function of ours per row (xorm's Iterate)
			// runs what that function runs too.
			if rc, ok := s.reg.RowCallback(obj); ok {
				i := rc.Func - 1
				if isStaticMethodCall(c) {
					i++
				}
				if i < len(c.Args) {
					if r, ok := s.valueReach(call, obj, i, c.Args[i]); ok {
						out = append(out, r)
					}
				}
			}
			return out
		}
	}
	var out []reach
	// An interface method whose implementations run a query.
	if c.IsInvoke() {
		if r, ok := s.invokeReach(call); ok {
			out = append(out, r)
		}
	}
	// A function, method or closure that runs a query.
	if callee := c.StaticCallee(); callee != nil {
		if r, ok := s.callReach(call, callee, obj); ok {
			out = append(out, r)
		}
	} else if !c.IsInvoke() {
		// A function value held in a field or package variable.
		if r, ok := s.fieldReach(call); ok {
			out = append(out, r)
		}
	}
	// Function values passed to a callee that calls them.
	for i, a := range c.Args {
		if r, ok := s.valueReach(call, obj, i, a); ok {
			out = append(out, r)
		}
	}
	return out
}

// libraryQuery is the reach of a call of a query-executing library method.
func (s *state) libraryQuery(call ssa.CallInstruction, obj *types.Func, q rules.Query) reach {
	if d, ok := s.reg.DeclaredQuery(obj); ok && (d.Exact || d.Args != 0 || len(d.Via) > 0) {
		return s.declaredQuery(call, obj, q, d)
	}
	c := call.Common()
	name := funcName(obj)
	r := reach{query: name, lib: q.Library.Name, kind: q.Kind, chain: []Hop{s.hopAt(name, call.Pos())}}
	sqlIdx := -1
	if q.SQLArg >= 0 {
		sqlIdx = q.SQLArg
		if !c.IsInvoke() && obj.Type().(*types.Signature).Recv() != nil {
			sqlIdx++ // receiver is Args[0] of a static method call
		}
	}
	if q.SQLArg < 0 && s.copyStatement(c, obj) {
		r.deps = nil // a row of one COPY, sent once after the loop
		return r
	}
	if c.IsInvoke() {
		r.deps = append(r.deps, c.Value)
	}
	for i, a := range c.Args {
		if i == sqlIdx {
			template := sqlTemplate(a)
			if isSchemaStatement(template) {
				r.deps = nil // once per table or index, whatever it is bound to
				return r
			}
			// SQL text built from a DML template carries data, unless
			// what it is built from only names the table (a statement per
			// table); other per-element text is a script or DDL runner's.
			switch {
			case r.kind == rules.Read && isWrite(template):
				r.kind = rules.Exec // QueryRow("INSERT … RETURNING id") writes
			case r.kind == rules.Read && isCount(template):
				r.kind = rules.Count // QueryRow("SELECT COUNT(*) …")
			}
			if !isDML(template) || namesTableOnly(a) {
				if template == "" && !s.builtByLibrary(a) {
					r.script = append(r.script, a)
				}
				continue
			}
		}
		r.deps = append(r.deps, a)
	}
	return r
}

// copyStatement reports whether the method call runs on a statement
// prepared, in the same function, from the text of a COPY … FROM STDIN
// (a constant, or a function the registry lists as making one, lib/pq's
// CopyIn): each Exec of it buffers a row of one COPY.
func (s *state) copyStatement(c *ssa.CallCommon, obj *types.Func) bool {
	var recv ssa.Value
	switch {
	case c.IsInvoke():
		recv = c.Value
	case obj.Type().(*types.Signature).Recv() != nil && len(c.Args) > 0:
		recv = c.Args[0]
	default:
		return false
	}
	if x, ok := recv.(*ssa.Extract); ok && x.Index == 0 {
		recv = x.Tuple
	}
	prep, ok := recv.(*ssa.Call)
	if !ok {
		return false
	}
	pobj := calleeObject(prep.Common())
	if pobj == nil {
		return false
	}
	pq, ok := s.reg.Lookup(pobj)
	if !ok || pq.SQLArg < 0 {
		return false
	}
	i := pq.SQLArg
	if !prep.Common().IsInvoke() && pobj.Type().(*types.Signature).Recv() != nil {
		i++ // the receiver is Args[0]
	}
	if i >= len(prep.Common().Args) {
		return false
	}
	text := prep.Common().Args[i]
	if t, ok := text.(*ssa.Call); ok {
		if fn := calleeObject(t.Common()); fn != nil && s.reg.IsCopyText(fn) {
			return true
		}
	}
	return copyFromStdin.MatchString(sqlTemplate(text))
}

// copyFromStdin matches PostgreSQL's COPY … FROM STDIN, whose rows the
// client streams.
var copyFromStdin = regexp.MustCompile(`(?is)^\s*COPY\s.*\sFROM\s+STDIN\b`)

// isSchemaStatement reports whether a statement template changes or
// maintains the schema rather than reading or writing rows: DDL, and the
// maintenance statements run once per table (VACUUM, ANALYZE, OPTIMIZE
// TABLE, …). One per table or index, bound or built from its name, is no
// N+1: TRUNCATE empties a table in one statement, unlike DELETE per row.
func isSchemaStatement(template string) bool {
	return startsWith(template,
		"CREATE ", "ALTER ", "DROP ", "TRUNCATE ", "RENAME ", "COMMENT ON", "GRANT ", "REVOKE ",
		"VACUUM", "ANALYZE", "ANALYSE", "REINDEX ", "CLUSTER", "REFRESH MATERIALIZED VIEW ",
		"OPTIMIZE TABLE ", "CHECK TABLE ", "REPAIR TABLE ", "CHECKSUM TABLE ",
		"PRAGMA ", "SET ", "RESET ")
}

// countStatement matches a statement counting rows: SELECT COUNT(…).
var countStatement = regexp.MustCompile(`(?is)^\s*SELECT\s+COUNT\s*\(`)

// isCount reports whether a statement template counts rows.
func isCount(template string) bool { return countStatement.MatchString(template) }

// builtByLibrary reports whether the SQL text v is the result of a data
// library's call (sqlx.In, Rebind, a builder's ToSql), possibly
// concatenated or converted: a statement built from parts, not a script.
func (s *state) builtByLibrary(v ssa.Value) bool {
	for i := 0; i < 16; i++ {
		switch x := v.(type) {
		case *ssa.Extract:
			v = x.Tuple
		case *ssa.ChangeType:
			v = x.X
		case *ssa.Convert:
			v = x.X
		case *ssa.BinOp:
			if x.Op != token.ADD {
				return false
			}
			if s.builtByLibrary(x.Y) {
				return true
			}
			v = x.X
		case *ssa.Call:
			obj := calleeObject(x.Common())
			return obj != nil && obj.Pkg() != nil && s.reg.Owns(obj.Pkg().Path())
		default:
			return false
		}
	}
	return false
}

// readsCatalog reports whether a statement template reads the schema:
// the catalog's tables (information_schema, pg_catalog, sqlite_master) or
// MySQL's SHOW and DESCRIBE.
func readsCatalog(template string) bool {
	if startsWith(template, "SHOW ", "DESCRIBE ", "DESC ") {
		return true
	}
	t := strings.ToUpper(template)
	for _, catalog := range []string{"INFORMATION_SCHEMA.", "PG_CATALOG.", "SQLITE_MASTER", "SQLITE_SCHEMA", "PRAGMA_"} {
		if strings.Contains(t, catalog) {
			return true
		}
	}
	return false
}

// isDML reports whether a statement template reads or writes rows.
func isDML(template string) bool {
	return startsWith(template, "INSERT ", "UPDATE ", "DELETE ", "SELECT ", "REPLACE ", "UPSERT ", "MERGE ", "WITH ")
}

// isWrite reports whether a statement template writes rows.
func isWrite(template string) bool {
	return startsWith(template, "INSERT ", "UPDATE ", "DELETE ", "REPLACE ", "UPSERT ", "MERGE ")
}

// sqlTemplate returns the constant text a SQL string is built from: the
// constant itself, the format of fmt.Sprintf, or the leftmost constant of
// a concatenation; "" when unknown.
func sqlTemplate(v ssa.Value) string {
	for i := 0; i < 16; i++ {
		switch x := v.(type) {
		case *ssa.Const:
			return skipComments(constString(x))
		case *ssa.BinOp:
			if x.Op != token.ADD {
				return ""
			}
			v = x.X
		case *ssa.Call:
			if fn := x.Common().StaticCallee(); fn != nil && fn.String() == "fmt.Sprintf" && len(x.Common().Args) > 0 {
				v = x.Common().Args[0]
				continue
			}
			return ""
		default:
			return ""
		}
	}
	return ""
}

// tableSlot matches text ending where a statement names its table.
var tableSlot = regexp.MustCompile("(?i)\\b(FROM|INTO|UPDATE|TABLE|JOIN)\\s+[`\"\\[]?$")

// namesTableOnly reports whether every part of the SQL text v that is not
// constant fills the place of a table name: "DELETE FROM " + t, or
// fmt.Sprintf("DELETE FROM %s", t). Such a statement runs once per table.
func namesTableOnly(v ssa.Value) bool {
	if call, ok := v.(*ssa.Call); ok {
		fn := call.Common().StaticCallee()
		if fn == nil || fn.String() != "fmt.Sprintf" || len(call.Common().Args) == 0 {
			return false
		}
		format := constString(call.Common().Args[0])
		verbs := 0
		for i := 0; i < len(format); i++ {
			if format[i] != '%' {
				continue
			}
			if i+1 < len(format) && format[i+1] == '%' {
				i++
				continue
			}
			if !tableSlot.MatchString(format[:i]) {
				return false
			}
			verbs++
		}
		return verbs > 0
	}
	var parts []ssa.Value
	var flatten func(v ssa.Value) bool
	flatten = func(v ssa.Value) bool {
		if b, ok := v.(*ssa.BinOp); ok && b.Op == token.ADD {
			return len(parts) < 64 && flatten(b.X) && flatten(b.Y)
		}
		parts = append(parts, v)
		return true
	}
	if !flatten(v) || len(parts) < 2 {
		return false
	}
	text := ""
	for _, p := range parts {
		if k, ok := p.(*ssa.Const); ok {
			text += constString(k)
			continue
		}
		if !tableSlot.MatchString(text) {
			return false
		}
		text += "t"
	}
	return true
}

func constString(v ssa.Value) string {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return ""
	}
	return constant.StringVal(k.Value)
}

// startsWith reports whether sql begins with one of the keywords (upper
// case, most followed by a space), leading space and case aside. A text
// that is only its first keyword ("UPDATE " + table + …) begins with it.
// skipComments drops the comments leading a statement's text (sqlc
// starts every query with "-- name: GetAuthor :one").
func skipComments(sql string) string {
	for {
		sql = strings.TrimLeft(sql, " \t\r\n")
		switch {
		case strings.HasPrefix(sql, "--"):
			_, rest, ok := strings.Cut(sql, "\n")
			if !ok {
				return ""
			}
			sql = rest
		case strings.HasPrefix(sql, "/*"):
			_, rest, ok := strings.Cut(sql, "*/")
			if !ok {
				return ""
			}
			sql = rest
		default:
			return sql
		}
	}
}

func startsWith(sql string, keywords ...string) bool {
	sql = strings.ToUpper(strings.TrimSpace(sql)) + " "
	for _, kw := range keywords {
		if strings.HasPrefix(sql, kw) {
			return true
		}
	}
	return false
}

// callReach is the reach of a direct call of a function with a summary
// (this package) or a QueryFact (other packages).
func (s *state) callReach(call ssa.CallInstruction, callee *ssa.Function, obj *types.Func) (reach, bool) {
	c := call.Common()
	var sum *QueryFact
	if origin := callee.Origin(); origin != nil {
		callee = origin
	}
	switch {
	case callee.Pkg == s.ssapkg: // closures included
		sum = s.summary(callee)
	case obj != nil && !isBound(callee): // a bound wrapper's parameters are not its method's
		sum = s.declaredSummary(obj)
	}
	if sum == nil {
		return reach{}, false
	}
	var bindings []ssa.Value
	if mc, ok := c.Value.(*ssa.MakeClosure); ok {
		bindings = mc.Bindings
	}
	r := reachOf(sum)
	r.chain = append([]Hop{s.hopAt(ssaName(callee), call.Pos())}, sum.Chain...)
	r.deps = inputs(sum.Params, callee, c.Args, bindings)
	// What the caller passes as a script's text is one only when it is
	// neither a known template nor built by a library (sqlx.In's text).
	for _, v := range inputs(sum.Script, callee, c.Args, bindings) {
		if sqlTemplate(v) == "" && !s.builtByLibrary(v) {
			r.script = append(r.script, v)
		}
	}
	return r, true
}

// reachOf starts the reach of a call of a function with summary sum.
func reachOf(sum *QueryFact) reach {
	return reach{query: sum.Query, lib: sum.Library, kind: rules.Kind(sum.Kind)}
}

// inputs maps a summary's input bits to the values a call supplies:
// arguments for parameters, bindings for free variables.
func inputs(bits uint64, fn *ssa.Function, args, bindings []ssa.Value) []ssa.Value {
	var out []ssa.Value
	for i, a := range args {
		if i < 64 && bits&(1<<i) != 0 {
			out = append(out, a)
		}
	}
	for j, b := range bindings {
		if k := len(fn.Params) + j; k < 64 && bits&(1<<k) != 0 {
			out = append(out, b)
		}
	}
	return out
}

// funcValue returns the function (and closure bindings) v denotes, also
// when converted to a named function type (xorm.IterFunc).
func funcValue(v ssa.Value) (*ssa.Function, []ssa.Value) {
	if ct, ok := v.(*ssa.ChangeType); ok {
		v = ct.X
	}
	switch v := v.(type) {
	case *ssa.MakeClosure:
		return v.Fn.(*ssa.Function), v.Bindings
	case *ssa.Function:
		return v, nil
	}
	return nil, nil
}

// argFuncValue is funcValue of a callback argument, which a library may
// take as any (go-pg's ForEach(fn interface{})).
func argFuncValue(v ssa.Value) (*ssa.Function, []ssa.Value) {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	return funcValue(v)
}

// invokes reports whether the call runs fn, passed as argument i: a
// range-over-func body, a library method that runs its callback (a
// transaction), or a function whose CallbackFact says it calls it.
func (s *state) invokes(call ssa.CallInstruction, obj *types.Func, i int, fn *ssa.Function) bool {
	if fn.Synthetic == "range-over-func yield" {
		return true
	}
	if obj == nil {
		return false
	}
	if s.reg.IsInvoker(obj) {
		return true
	}
	f, p, ok := s.callbackParam(call, obj, i)
	return ok && p >= 0 && p < 64 && f.Calls&(1<<p) != 0
}

// callbackParam returns the callback knowledge of the called function and
// the parameter index (receiver not counted) of argument i.
func (s *state) callbackParam(call ssa.CallInstruction, obj *types.Func, i int) (CallbackFact, int, bool) {
	f, ok := callbackFact(s.pass, s.reg, obj)
	if !call.Common().IsInvoke() && obj.Type().(*types.Signature).Recv() != nil {
		i-- // Args[0] is the receiver
	}
	return f, i, ok
}

// calleeName names what a call instruction calls.
func calleeName(c *ssa.CallCommon, obj *types.Func) string {
	if obj != nil {
		return funcName(obj)
	}
	if fn := c.StaticCallee(); fn != nil {
		return ssaName(fn)
	}
	return "function value"
}
