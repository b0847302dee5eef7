package querycount

import (
	"slices"
	"strings"
)

// A Library is a data library whose frames a call site skips and whose
// remedy a duplicate report carries.
type Library struct {
	// Name is how reports name the library.
	Name string
	// Packages are import path prefixes of the library's packages; a
	// prefix matches the package itself and the packages below it.
	Packages []string
	// Advice is the remedy for a read run once per element, in the
	// library's idiom (the advice of nplusonelint's static rules).
	Advice string
	// InsertAdvice is the remedy for an INSERT run once per element;
	// empty means a multi-row INSERT.
	InsertAdvice string
}

// Libraries are the data libraries known to call sites and reports. The
// table lives here, not in the adapters, because statements of every
// library built on database/sql reach a wrapped driver without any
// adapter being imported. The first library whose packages match the
// outermost library frame of a statement's stack ran it. A program may
// add its own data layer before counting starts, so that call sites name
// the callers of its repositories rather than the repositories.
var Libraries = []*Library{
	{Name: "GORM", Packages: []string{"gorm.io/", "github.com/jinzhu/gorm"},
		Advice:       `load the association with the list: Preload("Assoc") (or Joins) on the query that loads it`,
		InsertAdvice: `collect the rows and insert them after the loop: CreateInBatches(&rows, 100)`},
	{Name: "sqlx", Packages: []string{"github.com/jmoiron/sqlx"},
		Advice: `collect the keys and run one query: sqlx.In("… WHERE id IN (?)", ids), then db.Rebind`},
	{Name: "pgx", Packages: []string{"github.com/jackc/pgx/"},
		Advice:       `collect the keys and run one query with "= ANY($1)", or queue the statements in a pgx.Batch`,
		InsertAdvice: `collect the rows and send them at once: CopyFrom, or a pgx.Batch`},
	{Name: "bun", Packages: []string{"github.com/uptrace/bun"},
		Advice:       `load the relation with the list: Relation("Assoc") on the query that loads it`,
		InsertAdvice: `collect the rows and insert them in one query: NewInsert().Model(&rows)`},
	{Name: "ent", Packages: []string{"entgo.io/ent"},
		Advice:       `eager-load the edge with the list: WithAssoc() on the query that loads it`,
		InsertAdvice: `collect the builders and insert them in one query: CreateBulk(builders...)`},
	{Name: "sqlboiler", Packages: []string{"github.com/aarondl/sqlboiler", "github.com/volatiletech/sqlboiler"},
		Advice: `eager-load the relationship with the list: qm.Load("Assoc") on the query that loads it`},
	{Name: "xorm", Packages: []string{"xorm.io/"},
		Advice: `collect the keys and run one query: In("id", ids)`},
	{Name: "squirrel", Packages: []string{"github.com/Masterminds/squirrel"},
		Advice: `collect the keys and run one query: sq.Eq{"id": ids} builds the IN list`},
	{Name: "database/sql", Packages: []string{"database/sql"},
		Advice: `collect the keys and run one query with "IN (…)" (or "= ANY($1)" on PostgreSQL)`},
}

// self are the packages of this module and of its adapters' modules.
var self = []string{
	"github.com/nplusonelint/nplusonelint/querycount",
	"github.com/nplusonelint/nplusonelint/querycount/debughttp",
	"github.com/nplusonelint/nplusonelint/querycount/gormcount",
	"github.com/nplusonelint/nplusonelint/querycount/pgxcount",
}

// libraryOf returns the library a function belongs to, given its full
// name as the runtime spells it, and whether it is a frame to skip: a
// library's, this module's or the runtime's.
func libraryOf(funcName string) (*Library, bool) {
	pkg := packageOf(funcName)
	if strings.HasSuffix(pkg, "_test") {
		return nil, false
	}
	if pkg == "runtime" || slices.Contains(self, pkg) {
		return nil, true
	}
	for _, l := range Libraries {
		for _, p := range l.Packages {
			if within(pkg, p) {
				return l, true
			}
		}
	}
	return nil, false
}

// within reports whether pkg is prefix or below it; a prefix ending in a
// slash matches every package under it.
func within(pkg, prefix string) bool {
	if strings.HasSuffix(prefix, "/") {
		return strings.HasPrefix(pkg, prefix)
	}
	return pkg == prefix || strings.HasPrefix(pkg, prefix+"/")
}

// packageOf returns the import path of a function's package from its
// runtime name ("example.com/a/b.(*T).M.func1" → "example.com/a/b").
func packageOf(funcName string) string {
	slash := strings.LastIndexByte(funcName, '/')
	dot := strings.IndexByte(funcName[slash+1:], '.')
	if dot < 0 {
		return funcName
	}
	return funcName[:slash+1+dot]
}
