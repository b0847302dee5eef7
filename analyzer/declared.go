package analyzer

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/nplusonelint/nplusonelint/rules"
)

// declare adds one -queries entry to reg: a pattern, or @FILE for the
// patterns of a file (what nplusonelint -emit-config writes).
func declare(reg *rules.Registry, p string) error {
	p = strings.TrimSpace(p)
	if p == "" {
		return nil
	}
	if !strings.HasPrefix(p, "@") {
		return reg.Declare(p)
	}
	patterns, err := rules.ReadPatterns(p[1:])
	if err != nil {
		return err
	}
	for _, q := range patterns {
		if err := reg.Declare(q); err != nil {
			return err
		}
	}
	return nil
}

// declaredQuery is the reach of a call of a declared query that says what
// runs behind it (a resolved interface method): the chain goes on through
// its implementation, and only the arguments it names count.
func (s *state) declaredQuery(call ssa.CallInstruction, obj *types.Func, q rules.Query, d rules.Declared) reach {
	c := call.Common()
	name := funcName(obj)
	r := reach{query: name, lib: q.Library.Name, kind: q.Kind, chain: []Hop{s.hopAt(name, call.Pos())}}
	for _, v := range d.Via {
		r.chain = append(r.chain, Hop{Callee: v})
	}
	if len(d.Via) > 0 {
		r.query = d.Via[len(d.Via)-1]
	}
	args := c.Args
	if !c.IsInvoke() && obj.Type().(*types.Signature).Recv() != nil {
		args = args[1:] // the receiver
	}
	for i, a := range args {
		if !d.Exact && d.Args == 0 || i < 64 && d.Args&(1<<i) != 0 {
			r.deps = append(r.deps, a)
		}
	}
	return r
}
