package analyzer

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// funcTargets records, for each struct field and package variable of
// function type, the function values this package stores into it (in a
// constructor, in init, in a struct literal). A field whose address
// escapes, or that is given anything but a function, a closure or a
// method value (a parameter, the result of a call), is unresolved: nil.
type funcTargets map[types.Object][]ssa.Value

// targets indexes the stores of the package's functions, once.
func (s *state) targets() funcTargets {
	if s.fieldTargets != nil {
		return s.fieldTargets
	}
	t := funcTargets{}
	unknown := map[types.Object]bool{}
	for _, fn := range s.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if x, ok := instr.(*ssa.Store); ok {
					if obj := slotObject(x.Addr); obj != nil {
						if f, _ := funcValue(x.Val); f != nil {
							t[obj] = append(t[obj], x.Val)
						} else if k, ok := x.Val.(*ssa.Const); !ok || !k.IsNil() {
							unknown[obj] = true
						}
					}
					if obj := slotObject(x.Val); obj != nil {
						unknown[obj] = true // the slot's address stored away
					}
					continue
				}
				if x, ok := instr.(*ssa.UnOp); ok && x.Op == token.MUL {
					continue // a load
				}
				// The address of a slot handed on: stores we cannot see.
				var ops []*ssa.Value
				for _, op := range instr.Operands(ops) {
					if *op == nil {
						continue
					}
					if obj := slotObject(*op); obj != nil {
						unknown[obj] = true
					}
				}
			}
		}
	}
	for obj := range unknown {
		t[obj] = nil
	}
	s.fieldTargets = t
	return t
}

// slotObject returns the field or package variable of function type v
// addresses.
func slotObject(v ssa.Value) types.Object {
	var obj types.Object
	switch a := v.(type) {
	case *ssa.FieldAddr:
		st, ok := a.X.Type().Underlying().(*types.Pointer)
		if !ok {
			return nil
		}
		s, ok := st.Elem().Underlying().(*types.Struct)
		if !ok {
			return nil
		}
		obj = s.Field(a.Field).Origin()
	case *ssa.Global:
		obj = a.Object()
	}
	if obj == nil || obj.Pkg() == nil {
		return nil
	}
	if _, ok := obj.Type().Underlying().(*types.Signature); !ok {
		return nil
	}
	return obj
}

// loadedSlot returns the field or package variable a called value is read
// from: *(&x.f), x.f, or a package variable.
func loadedSlot(v ssa.Value) types.Object {
	switch x := v.(type) {
	case *ssa.UnOp:
		if x.Op == token.MUL {
			return slotObject(x.X)
		}
	case *ssa.Field:
		if s, ok := x.X.Type().Underlying().(*types.Struct); ok {
			obj := s.Field(x.Field).Origin()
			if _, ok := obj.Type().Underlying().(*types.Signature); ok {
				return obj
			}
		}
	}
	return nil
}

// fieldReach is the reach of a call of a function value read from a field
// or package variable of this package whose every stored value runs a
// query depending on the call's arguments. One candidate that runs none,
// or a value the package cannot see, and the call is left alone: a field
// resolved to several functions must not make every loop a finding.
func (s *state) fieldReach(call ssa.CallInstruction) (reach, bool) {
	c := call.Common()
	obj := loadedSlot(c.Value)
	if obj == nil || obj.Pkg() != s.pass.Pkg {
		return reach{}, false
	}
	values := s.targets()[obj]
	if len(values) == 0 {
		return reach{}, false
	}
	var r reach
	seen := map[*ssa.Function]bool{}
	for _, v := range values {
		fn, bindings := funcValue(v)
		if seen[fn] {
			continue
		}
		seen[fn] = true
		sum, own, _ := s.valueSummary(fn, bindings)
		if sum == nil || own == 0 {
			return reach{}, false
		}
		if r.chain == nil {
			r = reachOf(sum)
			name := obj.Name()
			if expr := s.syntax.callAt(call.Pos()); expr != nil {
				name = types.ExprString(expr.Fun)
			}
			r.chain = append([]Hop{s.hopAt(name, call.Pos()), {Callee: ssaName(fn)}}, sum.Chain...)
		}
		r.deps = append(r.deps, inputs(own, nil, c.Args, nil)...)
	}
	return r, true
}
