package pgx

import (
	"github.com/nplusonelint/nplusonelint/fixes"
	"github.com/nplusonelint/nplusonelint/rules"
)

// remedies advise pgx's own bulk forms, and queue a transaction's Execs
// into one batch where that is mechanical (see batchFix).
type remedies struct{ rules.NoRemedies }

// Read advises one query over all keys.
func (remedies) Read(fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: "collect the keys and run one query for all of them: WHERE id = ANY($1) with the keys as a slice"}
}

// Exec queues the statements into one pgx.Batch when the edit is
// mechanical, and advises it (or CopyFrom) otherwise.
func (remedies) Exec(site fixes.Site) rules.Remedy {
	return rules.Remedy{
		Advice: "queue the statements in one pgx.Batch and send it once with SendBatch, or copy the rows with CopyFrom",
		Fix:    batchFix(site),
	}
}

// Write advises copying the rows at once.
func (remedies) Write(fixes.Site) rules.Remedy {
	return rules.Remedy{Advice: "collect the rows and copy them once with CopyFrom"}
}
