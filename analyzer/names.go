package analyzer

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// funcName is how messages name a function: "repo.AuthorOf",
// "(*gorm.DB).First", "(*repo.Store).Load".
func funcName(fn *types.Func) string {
	fn = fn.Origin()
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil {
		if fn.Pkg() == nil {
			return fn.Name()
		}
		return fn.Pkg().Name() + "." + fn.Name()
	}
	t := sig.Recv().Type()
	star := ""
	if p, ok := t.(*types.Pointer); ok {
		t, star = p.Elem(), "*"
	}
	name := types.TypeString(t, func(*types.Package) string { return "" })
	if n, ok := t.(*types.Named); ok {
		name = n.Obj().Name()
		if n.Obj().Pkg() != nil {
			name = n.Obj().Pkg().Name() + "." + name
		}
	}
	return "(" + star + name + ")." + fn.Name()
}

// ssaName names an SSA function: its declaration, or "func literal".
func ssaName(fn *ssa.Function) string {
	if obj := funcObject(fn); obj != nil {
		return funcName(obj)
	}
	return "func literal"
}

// funcObject returns the declared function of fn (the generic origin for
// an instance), or nil for function literals and wrappers.
func funcObject(fn *ssa.Function) *types.Func {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	obj, _ := fn.Object().(*types.Func)
	return obj
}
