package xorm

import (
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// remedies are xorm's answers: Exist and one Insert of the collected rows
// as fixes where they keep what the code did, advice otherwise.
type remedies struct{}

// Read advises one In query: xorm loads no relation by itself.
func (remedies) Read(fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: `xorm has no eager loading: collect the keys, load them all with one In("key", keys).Find(&rows) and group them in memory`}
}

// Write inserts the rows of an Insert per element with one Insert after
// the loop (bulkinsert.go), and advises one statement over the keys for
// other writes.
func (remedies) Write(s fixes.Site) rules.Remedy {
	if s.Call != nil {
		if fn, ok := typeutil.Callee(s.Pass.TypesInfo, s.Call).(*types.Func); ok && (fn.Name() == "Insert" || fn.Name() == "InsertOne") {
			fix, note := bulkInsert(s)
			return rules.Remedy{Advice: insertAdvice + note, Fix: fix}
		}
	}
	return rules.Remedy{Advice: `change all rows with one statement over the keys: In("id", ids)`}
}

// Count advises one grouped count.
func (remedies) Count(fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: `count them all with one query: Select("key, count(*) AS n").In("key", keys).GroupBy("key").Find(&counts)`}
}

// Exec advises one statement.
func (remedies) Exec(fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: "write all rows with one statement (UPDATE/DELETE … WHERE key IN (…)) inside one transaction"}
}

// Existence asks Exist, which stops at the first row, instead of a
// count (exists.go).
func (remedies) Existence(c fixes.CountSite) rules.Remedy {
	return rules.Remedy{Advice: existsAdvice, Fix: exists(c)}
}
