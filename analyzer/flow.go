package analyzer

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/nplusonelint/nplusonelint/rules"
)

// taint is what a value depends on: inputs of the function (parameters,
// then free variables), and the per-iteration values of its loops. A
// chunk of a collection (xs[i:j], an element of a [][]T) carries its loop
// bits in chunk instead of loop: a query per chunk is batched, not an N+1.
type taint struct{ in, loop, chunk uint64 }

func (t taint) or(u taint) taint { return taint{t.in | u.in, t.loop | u.loop, t.chunk | u.chunk} }

// flow is the result of a forward data-flow over one function. Memory is
// tracked per local allocation and field: a store into a variable or one
// of its fields taints later loads of it (flow-insensitively).
type flow struct {
	val map[ssa.Value]taint
	mem map[cell]taint      // what was stored into each cell
	all map[ssa.Value]taint // what was stored anywhere into each allocation
	reg *rules.Registry
	// recorded is what calls recorded into a value outside local memory
	// (a handle whose statement a clause was added to).
	recorded map[ssa.Value]taint
}

// cell is a part of local memory: a field of an allocation, or the whole
// of it (field -1: the variable itself, an element, a write through a
// pointer to it).
type cell struct {
	root  ssa.Value
	field int
}

// of returns the taint of v, including what was stored in the local
// memory v points into: for a field, what was stored into it or into the
// whole; for the whole, what was stored anywhere in it.
func (f *flow) of(v ssa.Value) taint {
	t := f.val[v].or(f.recorded[v])
	c, ok := locate(v)
	if !ok {
		return t
	}
	if c.field < 0 {
		return t.or(f.all[c.root])
	}
	return t.or(f.mem[c]).or(f.mem[cell{c.root, -1}])
}

// locate returns the cell of local memory v addresses: the field selected
// directly on the allocation, if any.
func locate(v ssa.Value) (cell, bool) {
	field := -1
	for i := 0; i < 16; i++ {
		switch x := v.(type) {
		case *ssa.Alloc, *ssa.MakeMap:
			return cell{x, field}, true
		case *ssa.FieldAddr:
			field = x.Field // the selection nearest the allocation wins
			v = x.X
		case *ssa.IndexAddr:
			v = x.X
		case *ssa.Slice:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return cell{}, false
		}
	}
	return cell{}, false
}

// root returns the local allocation v addresses, or nil.
func root(v ssa.Value) ssa.Value {
	c, _ := locate(v)
	return c.root
}

// propagate runs the data-flow over fn from the given seeds to a fixed
// point. Calls in seedCalls (reads of a cursor) taint their results and
// the memory their pointer arguments reach.
func propagate(reg *rules.Registry, fn *ssa.Function, seeds map[ssa.Value]taint, seedCalls map[ssa.CallInstruction]taint) *flow {
	f := &flow{val: map[ssa.Value]taint{}, mem: map[cell]taint{}, all: map[ssa.Value]taint{}, reg: reg, recorded: map[ssa.Value]taint{}}
	for v, t := range seeds {
		f.val[v] = t
	}
	setMem := func(addr ssa.Value, t taint) bool {
		c, ok := locate(addr)
		if !ok || t == (taint{}) {
			return false
		}
		n := f.mem[c].or(t)
		if n == f.mem[c] {
			return false
		}
		f.mem[c] = n
		f.all[c.root] = f.all[c.root].or(t)
		return true
	}
	// Pointers stored into local arrays (the backing array of a variadic
	// call's arguments): a call writing through its arguments writes there.
	stored := map[ssa.Value][]ssa.Value{}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if st, ok := instr.(*ssa.Store); ok && root(st.Val) != nil {
				if r := root(st.Addr); r != nil {
					stored[r] = append(stored[r], st.Val)
				}
			}
		}
	}
	var ops []*ssa.Value
	for changed, rounds := true, 0; changed && rounds < 50; rounds++ {
		changed = false
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.Store:
					changed = setMem(instr.Addr, f.of(instr.Val)) || changed
				case *ssa.MapUpdate:
					changed = setMem(instr.Map, f.of(instr.Key).or(f.of(instr.Value))) || changed
				}
				if call, ok := instr.(ssa.CallInstruction); ok {
					// A call writes what it is given (as callTaint counts it:
					// no contexts) through its pointer arguments
					// (rows.Scan(&id), db.First(&a, id)), not through a
					// method's receiver: f.author(p.ID) does not make f
					// per-element.
					t := seedCalls[call].or(f.callTaint(call.Common()))
					if owner := f.recordingOwner(call.Common()); owner != nil {
						changed = f.record(owner, t, setMem) || changed
					}
					for i, a := range call.Common().Args {
						if i == 0 && isStaticMethodCall(call.Common()) {
							continue
						}
						switch a.Type().Underlying().(type) {
						case *types.Pointer, *types.Interface:
							changed = setMem(a, t) || changed
						case *types.Slice:
							for _, p := range stored[root(a)] {
								changed = setMem(p, t) || changed
							}
						}
					}
				}
				v, ok := instr.(ssa.Value)
				if !ok {
					continue
				}
				t := seeds[v].or(f.transfer(instr, ops[:0]))
				if call, ok := instr.(ssa.CallInstruction); ok {
					t = t.or(seedCalls[call])
				}
				if t != f.val[v] {
					f.val[v] = t
					changed = true
				}
			}
		}
	}
	return f
}

// recordingOwner returns, for a call recording its arguments into its
// receiver's statement, the value that receiver was selected from: tx for
// tx.Statement.AddClause(…). Nil for any other call.
func (f *flow) recordingOwner(c *ssa.CallCommon) ssa.Value {
	obj := calleeObject(c)
	if obj == nil || !f.reg.IsRecorder(obj) {
		return nil
	}
	v := receiver(c)
	for i := 0; i < 8 && v != nil; i++ {
		switch x := v.(type) {
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return v
			}
			v = x.X
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.Field:
			v = x.X
		default:
			return v
		}
	}
	return v
}

// record adds t to what was recorded into owner: its local memory when it
// is an allocation, else the value itself. It reports a change.
func (f *flow) record(owner ssa.Value, t taint, setMem func(ssa.Value, taint) bool) bool {
	if _, ok := locate(owner); ok {
		return setMem(owner, t)
	}
	n := f.recorded[owner].or(t)
	if n == f.recorded[owner] {
		return false
	}
	f.recorded[owner] = n
	return true
}

// transfer computes the taint of the value an instruction defines.
func (f *flow) transfer(instr ssa.Instruction, ops []*ssa.Value) taint {
	switch x := instr.(type) {
	case *ssa.UnOp:
		if x.Op == token.MUL {
			return f.of(x.X)
		}
	// Address computations read no memory (loads and calls do, through
	// of): the address of t.Tenant does not carry what was stored in t.Views.
	case *ssa.FieldAddr:
		return f.val[x.X]
	case *ssa.Slice:
		t := f.val[x.X]
		for _, b := range []ssa.Value{x.Low, x.High, x.Max} {
			if b != nil {
				t = t.or(asChunk(f.of(b)))
			}
		}
		return t
	case *ssa.IndexAddr:
		return f.val[x.X].or(indexTaint(f.of(x.Index), x.Type()))
	case *ssa.Index:
		return f.of(x.X).or(indexTaint(f.of(x.Index), x.Type()))
	case *ssa.Lookup:
		return f.of(x.X).or(f.of(x.Index))
	case *ssa.Call:
		return f.callTaint(x.Common())
	}
	var t taint
	for _, op := range instr.Operands(ops) {
		if *op != nil {
			t = t.or(f.of(*op))
		}
	}
	return t
}

// callTaint is the taint of a call's result: that of its receiver and
// data arguments. Contexts carry no data into a query (a per-element
// context value or deadline does not make a query per element), and the
// arguments of structural builders (a table name) change the statement's
// shape, not its data: their per-iteration bits become chunk bits, and
// the inputs they come from do not flow into the query.
func (f *flow) callTaint(c *ssa.CallCommon) taint {
	var t taint
	if c.IsInvoke() {
		t = f.of(c.Value)
	} else if _, static := c.Value.(*ssa.Function); !static {
		t = f.of(c.Value) // a closure's bindings, a function value
	}
	structural := false
	if obj := calleeObject(c); obj != nil {
		structural = f.reg.IsStructural(obj) || f.schemaText(c, obj)
	}
	for i, a := range c.Args {
		if rules.IsContext(a.Type()) {
			continue
		}
		at := f.of(a)
		if structural && (i > 0 || c.IsInvoke() || !isStaticMethodCall(c)) { // Args[0] is a static method's receiver
			at = taint{chunk: at.loop | at.chunk} // not data, here or in callers
		}
		t = t.or(at)
	}
	return t
}

// schemaText reports whether the call builds a statement from SQL text
// that reads or changes only the schema (a table's columns from the
// catalog, a maintenance statement): what it binds names tables.
func (f *flow) schemaText(c *ssa.CallCommon, obj *types.Func) bool {
	i := f.reg.SQLBuilderArg(obj)
	if i < 0 {
		return false
	}
	if !c.IsInvoke() && obj.Type().(*types.Signature).Recv() != nil {
		i++ // the receiver is Args[0]
	}
	if i >= len(c.Args) {
		return false
	}
	t := sqlTemplate(c.Args[i])
	return isSchemaStatement(t) || readsCatalog(t)
}

// isStaticMethodCall reports whether Args[0] of the call is a receiver.
func isStaticMethodCall(c *ssa.CallCommon) bool {
	fn := c.StaticCallee()
	return fn != nil && fn.Signature.Recv() != nil
}

// calleeObject returns the declared function or method a call names.
func calleeObject(c *ssa.CallCommon) *types.Func {
	if c.IsInvoke() {
		return c.Method
	}
	if fn := c.StaticCallee(); fn != nil {
		return funcObject(fn)
	}
	return nil
}

// indexTaint is the taint an index gives to an element: when the element
// is itself a list (a batch of a [][]T), per-iteration bits become chunk.
func indexTaint(idx taint, elem types.Type) taint {
	if p, ok := elem.Underlying().(*types.Pointer); ok {
		elem = p.Elem()
	}
	switch elem.Underlying().(type) {
	case *types.Slice, *types.Array:
		return asChunk(idx)
	}
	return idx
}

func asChunk(t taint) taint { return taint{in: t.in, chunk: t.loop | t.chunk} }
