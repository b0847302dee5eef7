package analyzer

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// seeds gives fn's inputs their bits, and each loop's per-iteration
// values (header phis, map iteration, cursor reads, the parameters of a
// per-element body, the variables a row callback's rows are scanned into)
// the loop's bit.
func (s *state) seeds(fn *ssa.Function, loops []*loop, body *loop) (map[ssa.Value]taint, map[ssa.CallInstruction]taint) {
	vals := map[ssa.Value]taint{}
	calls := map[ssa.CallInstruction]taint{}
	add := func(v ssa.Value, t taint) { vals[v] = vals[v].or(t) }
	n := 0
	for i, p := range fn.Params {
		add(p, taint{in: bit(n)})
		if body != nil && (body.hook == "" || i == 0) { // a hook's row is its receiver
			add(p, indexTaint(taint{loop: body.bit}, p.Type())) // a list is a chunk (slices.Chunk)
		}
		n++
	}
	for _, fv := range fn.FreeVars {
		add(fv, taint{in: bit(n)})
		if body != nil && slices.Contains(body.perRow, fv) {
			add(fv, taint{loop: body.bit})
		}
		n++
	}
	for _, l := range loops {
		if l.nat != nil {
			seedLoop(l, add, calls)
		}
	}
	return vals, calls
}

// seedLoop marks what varies per iteration of a natural loop: map and
// string iteration (Next), reads of a cursor, and induction variables
// (index, counter). Other header phis get their taint from what flows
// into them; only when none of those is found (the loop variable lives in
// memory) is every header phi taken to vary.
func seedLoop(l *loop, add func(ssa.Value, taint), calls map[ssa.CallInstruction]taint) {
	t := taint{loop: l.bit}
	seeded := false
	var cursor ssa.Value
	for b := range l.nat.blocks {
		for _, instr := range b.Instrs {
			if next, ok := instr.(*ssa.Next); ok {
				add(next, t)
				seeded = true
			}
			if call, ok := instr.(*ssa.Call); ok && l.cursor.IsValid() && call.Pos() == l.cursor {
				cursor = receiver(call.Common())
			}
		}
	}
	if cursor != nil {
		for b := range l.nat.blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(ssa.CallInstruction); ok && usesValue(call.Common(), cursor) {
					calls[call] = calls[call].or(t)
					seeded = true
				}
			}
		}
	}
	var phis []*ssa.Phi
	for _, instr := range l.nat.header.Instrs {
		if phi, ok := instr.(*ssa.Phi); ok {
			phis = append(phis, phi)
			if isInduction(phi) {
				add(phi, t)
				seeded = true
			}
		}
	}
	if !seeded {
		for _, phi := range phis {
			add(phi, t)
		}
	}
}

// isInduction reports whether phi is stepped from itself: one of its
// incoming values is phi + k or phi - k.
func isInduction(phi *ssa.Phi) bool {
	for _, e := range phi.Edges {
		if b, ok := e.(*ssa.BinOp); ok && (b.Op == token.ADD || b.Op == token.SUB) && (b.X == phi || b.Y == phi) {
			return true
		}
	}
	return false
}

func bit(i int) uint64 {
	if i >= 63 {
		i = 63
	}
	return 1 << i
}

// receiver returns the receiver of a method call.
func receiver(c *ssa.CallCommon) ssa.Value {
	if c.IsInvoke() {
		return c.Value
	}
	if len(c.Args) > 0 {
		return c.Args[0]
	}
	return nil
}

// usesValue reports whether the call takes v (or a load of the same
// variable) as receiver or argument.
func usesValue(c *ssa.CallCommon, v ssa.Value) bool {
	same := func(a ssa.Value) bool {
		if a == v || embedder(a) == embedder(v) {
			return true
		}
		la, ok1 := a.(*ssa.UnOp)
		lv, ok2 := v.(*ssa.UnOp)
		return ok1 && ok2 && la.Op == token.MUL && lv.Op == token.MUL && la.X == lv.X
	}
	if c.IsInvoke() && same(c.Value) {
		return true
	}
	for _, a := range c.Args {
		if same(a) {
			return true
		}
	}
	return false
}

// embedder returns the value v was selected from through embedded fields
// (rows for rows.Rows, the *sql.Rows a *sqlx.Rows embeds, whose promoted
// Next is called on it), or v itself.
func embedder(v ssa.Value) ssa.Value {
	for i := 0; i < 8; i++ {
		var x ssa.Value
		var st types.Type
		var field int
		switch u := v.(type) {
		case *ssa.UnOp:
			fa, ok := u.X.(*ssa.FieldAddr)
			if !ok || u.Op != token.MUL {
				return v
			}
			x, field = fa.X, fa.Field
			st = fa.X.Type().Underlying().(*types.Pointer).Elem()
		case *ssa.Field:
			x, st, field = u.X, u.X.Type(), u.Field
		default:
			return v
		}
		s, ok := st.Underlying().(*types.Struct)
		if !ok || !s.Field(field).Anonymous() {
			return v
		}
		v = x
	}
	return v
}
