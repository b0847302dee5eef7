package squirrel

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strconv"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// remedies advise the one statement over the keys, with sq.Eq.
type remedies struct{ rules.NoRemedies }

// Read advises one query for all elements.
func (remedies) Read(s fixes.Site) rules.Remedy {
	if key := eqKey(s); key != "" {
		return rules.Remedy{Advice: "collect the keys and run one query for all of them: Where(sq.Eq{" + strconv.Quote(key) + ": keys}), which squirrel writes as " + key + " IN (…); select " + key + " too, to match the rows to the elements"}
	}
	return rules.Remedy{Advice: `collect the keys and run one query for all of them: Where(sq.Eq{"key": keys}), which squirrel writes as key IN (…)`}
}

// Exec advises one statement for all elements.
func (remedies) Exec(s fixes.Site) rules.Remedy {
	if key := eqKey(s); key != "" {
		return rules.Remedy{Advice: "collect the keys and run one statement for all of them: Where(sq.Eq{" + strconv.Quote(key) + ": keys})"}
	}
	return rules.Remedy{Advice: `write all rows with one statement: one sq.Insert with a Values call per row, or Where(sq.Eq{"key": keys}) for an update or delete`}
}

// eqKey returns the column of the only sq.Eq condition of the query's
// builder chain, written in the call (Where(sq.Eq{"post_id": p.ID})),
// or "" when there is not exactly one.
func eqKey(s fixes.Site) string {
	if s.Call == nil {
		return ""
	}
	links, _ := fixes.Chain(s.Pass.TypesInfo, s.Call, func(fn *types.Func) bool {
		return fn.Pkg() != nil && fn.Pkg().Path() == Path
	})
	key := ""
	for _, l := range links {
		if l.Name != "Where" {
			continue
		}
		for _, a := range l.Call.Args {
			lit, ok := ast.Unparen(a).(*ast.CompositeLit)
			if !ok {
				continue
			}
			n, ok := types.Unalias(s.Pass.TypesInfo.TypeOf(lit)).(*types.Named)
			if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != Path || n.Obj().Name() != "Eq" {
				continue
			}
			for _, e := range lit.Elts {
				kv, ok := e.(*ast.KeyValueExpr)
				if !ok {
					return ""
				}
				tv := s.Pass.TypesInfo.Types[kv.Key]
				if tv.Value == nil || tv.Value.Kind() != constant.String || key != "" {
					return ""
				}
				key = constant.StringVal(tv.Value)
			}
		}
	}
	return key
}
