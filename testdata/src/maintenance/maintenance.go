package maintenance // want package:"reaches data access"

// Statements run once per table: schema changes
// and maintenance are not N+1s, whatever binds the table's name; statements
// on rows are.

import (
	"fmt"
	"strconv"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

type Post struct {
	gorm.Model
	Title string
	Views int
}

// Maintenance per table, the name bound as an argument, built into the text,
// or quoted by clause.Table.
func Optimize(db *gorm.DB) error { // want Optimize:"runs \\(\\*gorm.DB\\).Exec"
	tables, err := db.Migrator().GetTables()
	if err != nil {
		return err
	}
	for _, t := range tables {
		db.Exec("optimize table ?", clause.Table{Name: t})
		db.Exec("VACUUM ?", clause.Table{Name: t})
		db.Exec("ANALYZE ?", clause.Table{Name: t})
		db.Exec("  reindex table " + t)
		db.Exec(fmt.Sprintf("CHECK TABLE %s", t))
		db.Exec("TRUNCATE TABLE ?", clause.Table{Name: t})
		db.Exec(fmt.Sprintf("ALTER TABLE %s ADD COLUMN note text", t))
		db.Exec("REFRESH MATERIALIZED VIEW " + t)
		db.Exec("PRAGMA table_info(?)", t)
	}
	return nil
}

// Statements on rows per element are N+1s, however the text is written.
func Rows(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		db.Exec("update posts set views = views + 1 where id = ?", p.ID)         // want `\(\*gorm.DB\).Exec runs once per element of posts`
		db.Exec("DELETE FROM comments WHERE post_id = ?", p.ID)                  // want `\(\*gorm.DB\).Exec runs once per element of posts`
		db.Exec("INSERT INTO audit (post_id) VALUES (?)", p.ID)                  // want `\(\*gorm.DB\).Exec runs once per element of posts`
		db.Exec(fmt.Sprintf("UPDATE posts SET title = 'x' WHERE id = %d", p.ID)) // want `\(\*gorm.DB\).Exec runs once per element of posts`
	}
}

// A statement whose text is not known to be schema or maintenance keeps
// its bound data: a per-element value still makes it an N+1.
func Unknown(db *gorm.DB, posts []Post, stmt string) {
	for _, p := range posts {
		db.Exec(stmt, p.ID) // want `\(\*gorm.DB\).Exec runs once per element of posts`
	}
}

// Reads of the schema per table are statements per table too.
func Columns(db *gorm.DB, tables []string) map[string]bool { // want Columns:"runs \\(\\*gorm.DB\\).Count"
	soft := map[string]bool{}
	for _, t := range tables {
		var n int64
		db.Raw("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = ? AND COLUMN_NAME = 'deleted_at'", t).Count(&n)
		soft[t] = n == 1
		var cols []string
		db.Raw("SHOW COLUMNS FROM " + t).Scan(&cols)
		db.Raw("select name from pragma_table_info(?)", t).Scan(&cols)
	}
	return soft
}

// Raw statements on rows per element are N+1s.
func RawRows(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		var titles []string
		db.Raw("SELECT title FROM posts WHERE id = ?", p.ID).Scan(&titles) // want `\(\*gorm.DB\).Scan runs once per element of posts`
	}
}

// Helpers that take the table: their callers' loops over tables run one
// statement per table.
func hasDeletedAt(db *gorm.DB, table string) bool { // want hasDeletedAt:"runs \\(\\*gorm.DB\\).Count \\[params 0\\]"
	var n int64
	db.Raw("SELECT COUNT(*) FROM information_schema.columns WHERE table_name = ? AND column_name = 'deleted_at'", table).Count(&n) // want `count compared to zero`
	return n > 0
}

func rowsOf(db *gorm.DB, table string) int64 { // want rowsOf:"runs \\(\\*gorm.DB\\).Count \\[params 0\\]"
	var n int64
	db.Table(table).Count(&n)
	return n
}

func SoftTables(db *gorm.DB, tables []string) (soft []string, total int64) { // want SoftTables:"runs \\(\\*gorm.DB\\).Count via maintenance.hasDeletedAt \\[params 0\\]"
	for _, t := range tables {
		if hasDeletedAt(db, t) {
			soft = append(soft, t)
		}
		total += rowsOf(db, t)
	}
	return soft, total
}

// A DML statement whose only per-element part is its table runs once per
// table; one whose text or arguments carry row data is reported.
func PurgeTables(db *gorm.DB, posts []Post) error { // want PurgeTables:"runs \\(\\*gorm.DB\\).Exec"
	tables, err := db.Migrator().GetTables()
	if err != nil {
		return err
	}
	for _, t := range tables {
		db.Exec("DELETE FROM " + t)
		db.Exec(fmt.Sprintf("DELETE FROM `%s`", t))
		db.Exec("UPDATE " + t + " SET views = 0")
		db.Exec(fmt.Sprintf("DELETE FROM %s WHERE id = %d", t, len(t)))    // want `\(\*gorm.DB\).Exec runs once per element of tables`
		db.Exec("DELETE FROM " + t + " WHERE title = '" + t + "'")         // want `\(\*gorm.DB\).Exec runs once per element of tables`
		db.Exec(fmt.Sprintf("DELETE FROM %s WHERE title = ?", "posts"), t) // want `\(\*gorm.DB\).Exec runs once per element of tables`
	}
	for _, p := range posts {
		db.Exec(fmt.Sprintf("DELETE FROM %s WHERE post_id = ?", "comments"), p.ID)              // want `\(\*gorm.DB\).Exec runs once per element of posts`
		db.Exec("UPDATE " + tables[0] + " SET views = 0 WHERE id = " + strconv.Itoa(int(p.ID))) // want `\(\*gorm.DB\).Exec runs once per element of posts`
	}
	return nil
}
