package rules

import (
	"fmt"
	"go/types"
	"os"
	"slices"
	"strconv"
	"strings"
)

// Declared is a user's own query-running function, method or interface
// method, named by a pattern (see Registry.Declare).
type Declared struct {
	Pkg  string // import path
	Type string // receiver type name; "" for a package-level function
	Name string // function or method name; "*" for every method of Type
	Kind Kind
	// Args, when Exact or not 0, has bit i set for each parameter i (the
	// receiver not counted) whose value flows into the query; otherwise
	// every one does.
	Args  uint64
	Exact bool
	// Via names the calls behind it, down to the query (a resolved
	// interface method: its implementation, then the query call).
	Via []string
	// Lib is the library running the query behind it ("" for none known).
	Lib string
}

// declaredLibrary owns declared queries: they get no library's remedies.
var declaredLibrary = Library{Name: "declared", Title: "a declared query API"}

// Declare adds the queries a pattern names:
//
//	example.com/db.Exec            a function
//	(*example.com/db.Client).Get   a method (pointer or value receiver)
//	example.com/db.Client.Get      the same
//	example.com/domain.Store.*     every method of a type or interface
//
// A suffix "=read", "=write", "=count" or "=exec" gives the kind (read by
// default). Attributes may follow, each after a ";": "args=1+2" (the
// parameters, from 0 and the receiver not counted, the query depends on;
// "none", or every one by default), "via=A→B" (the calls behind it, for messages) and
// "lib=NAME" (the library running the query, for its advice). These are
// what -emit-config writes for resolved interface methods.
func (r *Registry) Declare(pattern string) error {
	d, err := parseDeclared(pattern)
	if err != nil {
		return err
	}
	r.declared = append(r.declared, d)
	return nil
}

// DeclaredPatterns returns the declared patterns, in the form Declare reads.
func (r *Registry) DeclaredPatterns() []string {
	var out []string
	for _, d := range r.declared {
		out = append(out, d.String())
	}
	return out
}

// String returns the pattern Declare reads for d.
func (d Declared) String() string {
	s := d.Pkg + "." + d.Name
	if d.Type != "" {
		s = d.Pkg + "." + d.Type + "." + d.Name
	}
	if d.Kind != Read {
		s += "=" + string(d.Kind)
	}
	if d.Exact && d.Args == 0 {
		s += ";args=none"
	} else if d.Args != 0 {
		var args []string
		for i := 0; i < 64; i++ {
			if d.Args&(1<<i) != 0 {
				args = append(args, strconv.Itoa(i))
			}
		}
		s += ";args=" + strings.Join(args, "+")
	}
	if len(d.Via) > 0 {
		s += ";via=" + strings.Join(d.Via, "→")
	}
	if d.Lib != "" {
		s += ";lib=" + d.Lib
	}
	return s
}

func parseDeclared(pattern string) (Declared, error) {
	bad := func(why string) (Declared, error) {
		return Declared{}, fmt.Errorf("query pattern %q: %s (want pkg/path.Func, (*pkg/path.Type).Method or pkg/path.Type.*, optionally =read|write|count|exec)", pattern, why)
	}
	attrs := strings.Split(pattern, ";")
	p, kind := strings.TrimSpace(attrs[0]), Read
	if i := strings.LastIndex(p, "="); i >= 0 {
		switch k := Kind(p[i+1:]); k {
		case Read, Write, Count, Exec:
			kind = k
		default:
			return bad("unknown kind " + string(k))
		}
		p = p[:i]
	}
	var d Declared
	if strings.HasPrefix(p, "(") {
		end := strings.Index(p, ").")
		if end < 0 {
			return bad("no method after the receiver")
		}
		recv := strings.TrimPrefix(p[1:end], "*")
		dot := strings.LastIndex(recv, ".")
		if dot <= 0 {
			return bad("receiver has no package")
		}
		d = Declared{Pkg: recv[:dot], Type: recv[dot+1:], Name: p[end+2:]}
	} else {
		slash := strings.LastIndex(p, "/")
		parts := strings.Split(p[slash+1:], ".")
		switch len(parts) {
		case 2:
			d = Declared{Pkg: p[:slash+1] + parts[0], Name: parts[1]}
		case 3:
			d = Declared{Pkg: p[:slash+1] + parts[0], Type: parts[1], Name: parts[2]}
		default:
			return bad("not a function or method")
		}
	}
	if d.Pkg == "" || d.Type != "" && !isIdent(d.Type) || !(isIdent(d.Name) || d.Name == "*" && d.Type != "") {
		return bad("not a function or method")
	}
	d.Kind = kind
	for _, a := range attrs[1:] {
		key, val, _ := strings.Cut(strings.TrimSpace(a), "=")
		switch key {
		case "args":
			d.Exact = true
			if val == "none" {
				continue
			}
			for _, n := range strings.Split(val, "+") {
				i, err := strconv.Atoi(n)
				if err != nil || i < 0 || i > 63 {
					return bad("bad args " + val)
				}
				d.Args |= 1 << i
			}
		case "via":
			if val == "" {
				return bad("empty via")
			}
			d.Via = strings.Split(val, "→")
		case "lib":
			d.Lib = val
		default:
			return bad("unknown attribute " + a)
		}
	}
	return d, nil
}

// ReadPatterns reads declared patterns from a file, one a line; blank
// lines and lines starting with "#" are skipped. -queries=@FILE reads one.
func ReadPatterns(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out, nil
}

// Clone returns a copy of r to which more queries can be declared without
// changing r.
func (r *Registry) Clone() *Registry {
	c := *r
	c.declared = slices.Clone(r.declared)
	return &c
}

// DeclaredQuery returns the declaration fn matches, if any.
func (r *Registry) DeclaredQuery(fn *types.Func) (Declared, bool) {
	if len(r.declared) == 0 || fn.Origin().Pkg() == nil {
		return Declared{}, false
	}
	fn = fn.Origin()
	recv := RecvName(fn.Type().(*types.Signature))
	for _, d := range r.declared {
		if d.Pkg == fn.Pkg().Path() && d.Type == recv && (d.Name == fn.Name() || d.Name == "*" && recv != "") {
			return d, true
		}
	}
	return Declared{}, false
}

// isIdent reports whether s is a Go identifier.
func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		if !(c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9' || c > 127) {
			return false
		}
	}
	return true
}

// declares reports whether a declared query lives in the package with the
// given import path: its importers can run queries.
func (r *Registry) declares(path string) bool {
	for _, d := range r.declared {
		if d.Pkg == path {
			return true
		}
	}
	return false
}

// lookupDeclared matches fn against the declared queries.
func (r *Registry) lookupDeclared(fn *types.Func) (Query, bool) {
	if len(r.declared) == 0 {
		return Query{}, false
	}
	d, ok := r.DeclaredQuery(fn)
	if !ok {
		return Query{}, false
	}
	lib := &declaredLibrary
	if l := r.Library(d.Lib); d.Lib != "" && l != nil {
		lib = l
	}
	return Query{Library: lib, Kind: d.Kind, SQLArg: -1}, true
}
