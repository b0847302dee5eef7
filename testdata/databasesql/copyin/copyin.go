package copyin // want package:"reaches data access"

// The package streams rows into one COPY: each Exec of a statement
// prepared from COPY … FROM STDIN buffers a row, and the Exec with none
// sends them all.

import (
	"context"
	"database/sql"

	"github.com/lib/pq"
)

// Point is one row.
type Point struct {
	X, Y int
}

// Copy streams the points with lib/pq's CopyIn: no N+1.
func Copy(ctx context.Context, tx *sql.Tx, points []Point) error { // want Copy:"runs \\(\\*sql\\.Tx\\)\\.PrepareContext \\[params 1\\]"
	stmt, err := tx.PrepareContext(ctx, pq.CopyIn("points", "x", "y"))
	if err != nil {
		return err
	}
	for _, p := range points {
		if _, err := stmt.ExecContext(ctx, p.X, p.Y); err != nil {
			return err
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		return err
	}
	return stmt.Close()
}

// CopyText writes the COPY itself.
func CopyText(tx *sql.Tx, points []Point) error { // want CopyText:"runs \\(\\*sql\\.Tx\\)\\.Prepare \\[params 0\\]"
	stmt, err := tx.Prepare(`COPY points (x, y) FROM STDIN`)
	if err != nil {
		return err
	}
	for _, p := range points {
		if _, err := stmt.Exec(p.X, p.Y); err != nil {
			return err
		}
	}
	_, err = stmt.Exec()
	return err
}

// Insert prepares an INSERT: each Exec is a round trip.
func Insert(tx *sql.Tx, points []Point) error { // want Insert:"runs \\(\\*sql\\.Tx\\)\\.Prepare \\[params 0\\]"
	stmt, err := tx.Prepare(`INSERT INTO points (x, y) VALUES ($1, $2)`)
	if err != nil {
		return err
	}
	for _, p := range points {
		if _, err := stmt.Exec(p.X, p.Y); err != nil { // want `N\+1 query: \(\*sql\.Stmt\)\.Exec runs once per element of points`
			return err
		}
	}
	return nil
}
