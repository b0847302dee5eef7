package sqlx

import (
	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
	"github.com/nplusonelint/nplusonelint/rules/databasesql"
)

// remedies advise one statement over the keys, in sqlx's idiom.
type remedies struct{ rules.NoRemedies }

// own asks this library alone where a call's SQL text is.
var own = rules.NewRegistry(Library)

// inHow says how sqlx binds a list of keys.
const inHow = `q, args, err := sqlx.In(query, keys); db.Select(&rows, db.Rebind(q), args...)`

// Read advises one query for all elements, bound with sqlx.In.
func (remedies) Read(s fixes.Site) rules.Remedy {
	text := databasesql.SQLText(own, s.Pass.TypesInfo, s.Call)
	if _, stmt := databasesql.Batched(text); stmt != "" {
		return rules.Remedy{Advice: databasesql.ReadAdvice(text, inHow)}
	}
	return rules.Remedy{Advice: "collect the keys and run one query for all of them: sqlx.In(\"… WHERE key IN (?)\", keys), then db.Rebind the query"}
}

// Count advises one grouped count.
func (remedies) Count(s fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: databasesql.CountAdvice(databasesql.SQLText(own, s.Pass.TypesInfo, s.Call)) + " (bind the keys with sqlx.In, then db.Rebind)"}
}

// Exec advises one statement for all rows.
func (remedies) Exec(s fixes.Site) rules.Remedy {
	text := databasesql.SQLText(own, s.Pass.TypesInfo, s.Call)
	if _, stmt := databasesql.Batched(text); stmt != "" {
		return rules.Remedy{Advice: databasesql.ExecAdvice(text) + " (bind the keys with sqlx.In, then db.Rebind)"}
	}
	return rules.Remedy{Advice: "write all rows with one statement: NamedExec(\"INSERT … VALUES (:a, :b)\", rows) with the slice of rows inserts them at once; UPDATE/DELETE … WHERE key IN (?) with sqlx.In"}
}

// Existence rewrites a constant SELECT COUNT(*) into an EXISTS.
func (remedies) Existence(s fixes.CountSite) rules.Remedy { return databasesql.ExistsRemedy(s) }
