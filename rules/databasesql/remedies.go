package databasesql

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// remedies advise one statement over the keys the loop would visit.
type remedies struct{ rules.NoRemedies }

// own asks this library alone where a call's SQL text is.
var own = rules.NewRegistry(Library)

// Read advises one query for all elements.
func (remedies) Read(s fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: ReadAdvice(SQLText(own, s.Pass.TypesInfo, s.Call), "")}
}

// Count advises one grouped count.
func (remedies) Count(s fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: CountAdvice(SQLText(own, s.Pass.TypesInfo, s.Call))}
}

// Exec advises one statement for all elements.
func (remedies) Exec(s fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: ExecAdvice(SQLText(own, s.Pass.TypesInfo, s.Call))}
}

// Existence rewrites a constant SELECT COUNT(*) into an EXISTS.
func (remedies) Existence(s fixes.CountSite) rules.Remedy {
	return ExistsRemedy(s)
}

// SQLText returns the constant SQL text of a query call reg knows, "" when
// the call is nil, unknown, or its text is not a constant.
func SQLText(reg *rules.Registry, info *types.Info, call *ast.CallExpr) string {
	if call == nil {
		return ""
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok {
		return ""
	}
	q, ok := reg.Lookup(fn)
	if !ok || q.SQLArg < 0 || q.SQLArg >= len(call.Args) {
		return ""
	}
	tv := info.Types[call.Args[q.SQLArg]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return ""
	}
	return constant.StringVal(tv.Value)
}
