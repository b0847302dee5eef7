package basic

import "database/sql"

// Descendants walks a tree level by level, one query per node: the
// worklist grows in the loop, so there is nothing loaded before it to
// eager-load into.
func Descendants(db *sql.DB, root int) ([]int, error) {
	var out []int
	queue := []int{root}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		rows, err := db.Query("SELECT id FROM nodes WHERE parent_id = $1", id) // want `N\+1 query: \(\*sql\.DB\)\.Query runs once per element of queue .*the loop walks a worklist it extends`
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var child int
			if err := rows.Scan(&child); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, child)
			queue = append(queue, child)
		}
		rows.Close()
	}
	return out, nil
}
