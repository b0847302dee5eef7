package sqlc

import (
	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// remedies advise the generated bulk forms. Rewriting the SQL file and
// regenerating is not an edit of Go code: advice only.
type remedies struct{ rules.NoRemedies }

// Read advises one generated query over all keys.
func (remedies) Read(fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: "collect the keys and add one query for all of them: WHERE id = ANY($1) with a slice on PostgreSQL, WHERE id IN (sqlc.slice('ids')) on MySQL and SQLite"}
}

// Exec advises a generated bulk write.
func (remedies) Exec(fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: "write all rows with one generated bulk query: :copyfrom or :batchexec (pgx), or one statement over the keys"}
}

// Write advises a generated bulk write.
func (remedies) Write(site fixes.Site) rules.Remedy { return remedies{}.Exec(site) }
