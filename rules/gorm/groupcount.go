package gorm

import (
	"fmt"
	"go/ast"

	"github.com/nplusonelint/nplusonelint/fixes"
)

// groupedCount is the advice for a count per element (Django's
// annotate(Count)): one query grouped by the key the loop's count filters
// on. An edit would have to change how the loop reads the numbers, so
// none is offered.
func groupedCount(s site) string {
	if s.Call == nil {
		return ""
	}
	links, _ := chain(s.Pass.TypesInfo, s.Call)
	if len(links) == 0 {
		return ""
	}
	if links[len(links)-1].Fn.Signature().Recv().Type().String() == "*gorm.io/gorm.Association" {
		return "count them all with one query grouped by the association's foreign key"
	}
	for _, l := range links {
		if l.Name != "Where" || len(l.Call.Args) != 2 {
			continue
		}
		text, ok := fixes.StringConst(s.Pass.TypesInfo, l.Call.Args[0])
		m := keyCond.FindStringSubmatch(text)
		if !ok || m == nil {
			continue
		}
		if sel, ok := ast.Unparen(l.Call.Args[1]).(*ast.SelectorExpr); ok && s.ElementOf(sel.X) != nil {
			return fmt.Sprintf(`count them all with one query: Select("%s, count(*)").Where("%s IN ?", keys).Group("%s")`, m[1], m[1], m[1])
		}
	}
	return "count them all with one query grouped by the key the loop filters on"
}
