package rules

import (
	"fmt"
	"go/types"
	"strings"
)

// Declared is a user's own query-running function, method or interface
// method, named by a pattern (see Registry.Declare).
type Declared struct {
	Pkg  string // import path
	Type string // receiver type name; "" for a package-level function
	Name string // function or method name; "*" for every method of Type
	Kind Kind
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
// default).
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
		s := d.Pkg + "." + d.Name
		if d.Type != "" {
			s = d.Pkg + "." + d.Type + "." + d.Name
		}
		if d.Kind != Read {
			s += "=" + string(d.Kind)
		}
		out = append(out, s)
	}
	return out
}

func parseDeclared(pattern string) (Declared, error) {
	bad := func(why string) (Declared, error) {
		return Declared{}, fmt.Errorf("query pattern %q: %s (want pkg/path.Func, (*pkg/path.Type).Method or pkg/path.Type.*, optionally =read|write|count|exec)", pattern, why)
	}
	p, kind := strings.TrimSpace(pattern), Read
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
	return d, nil
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
	fn = fn.Origin()
	if fn.Pkg() == nil {
		return Query{}, false
	}
	recv := RecvName(fn.Type().(*types.Signature))
	for _, d := range r.declared {
		if d.Pkg == fn.Pkg().Path() && d.Type == recv && (d.Name == fn.Name() || d.Name == "*" && recv != "") {
			return Query{Library: &declaredLibrary, Kind: d.Kind, SQLArg: -1}, true
		}
	}
	return Query{}, false
}
