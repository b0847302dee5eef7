package sqlboiler

import (
	"go/ast"
	"go/types"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// remedies are sqlboiler's answers, as advice: qm.Load, one statement
// over the keys, a grouped count, Exists.
type remedies struct{ rules.NoRemedies }

// Read advises eager loading the relation the loop reads per element.
func (remedies) Read(s fixes.Site) rules.Remedy {
	if rel, elem, ok := relation(s); ok {
		load := `qm.Load("` + rel + `")`
		if outer, ok := ast.Unparen(s.Collection).(*ast.SelectorExpr); ok && s.Outer != nil {
			load = `qm.Load("` + outer.Sel.Name + "." + rel + `")`
		}
		return rules.Remedy{Advice: "eager-load it: " + load + " in the query that loaded the collection, then read " + elem + ".R." + rel}
	}
	return rules.Remedy{Advice: "load the rows for all keys at once: one query with qm.WhereIn(\"key in ?\", keys...), or qm.Load(\"Y\") of the relation where the collection is loaded and o.R.Y in the loop"}
}

// Write advises one statement for all rows.
func (remedies) Write(fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: "write all rows with one statement: UpdateAll/DeleteAll on a query over the keys (qm.WhereIn) or on the slice, or one multi-row INSERT in a transaction"}
}

// Count advises one grouped count.
func (remedies) Count(fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: "count for all keys at once (one query grouped by the key), or qm.Load the relation and use len(o.R.Y)"}
}

// Existence advises Exists.
func (remedies) Existence(fixes.CountSite) rules.Remedy {
	return rules.Remedy{Advice: "ask whether a row exists with Exists(ctx, exec), which selects at most one row"}
}

// relation returns the relation a loop's call reads through the element's
// accessor (o.Posts(mods...).All(ctx, exec)) and the element's text.
func relation(s fixes.Site) (string, string, bool) {
	if s.Call == nil {
		return "", "", false
	}
	sel, ok := ast.Unparen(s.Call.Fun).(*ast.SelectorExpr)
	if !ok {
		return "", "", false
	}
	acc, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok {
		return "", "", false
	}
	asel, ok := ast.Unparen(acc.Fun).(*ast.SelectorExpr)
	if !ok {
		return "", "", false
	}
	fn, ok := s.Pass.TypesInfo.Uses[asel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || !isGeneratedPackage(fn.Pkg()) || fn.Signature().Recv() == nil {
		return "", "", false
	}
	return fn.Name(), types.ExprString(asel.X), true
}
