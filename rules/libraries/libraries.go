// Package libraries lists the data libraries nplusonelint knows. Adding a
// library is one package below rules and one line here.
package libraries

import (
	"github.com/nplusonelint/nplusonelint/rules"
	"github.com/nplusonelint/nplusonelint/rules/bun"
	"github.com/nplusonelint/nplusonelint/rules/databasesql"
	"github.com/nplusonelint/nplusonelint/rules/ent"
	"github.com/nplusonelint/nplusonelint/rules/gopg"
	"github.com/nplusonelint/nplusonelint/rules/gorm"
	"github.com/nplusonelint/nplusonelint/rules/gormv1"
	"github.com/nplusonelint/nplusonelint/rules/pgx"
	"github.com/nplusonelint/nplusonelint/rules/sqlboiler"
	"github.com/nplusonelint/nplusonelint/rules/sqlc"
	"github.com/nplusonelint/nplusonelint/rules/sqlx"
	"github.com/nplusonelint/nplusonelint/rules/squirrel"
	"github.com/nplusonelint/nplusonelint/rules/xorm"
)

// All lists every library, in the order they are asked.
func All() []*rules.Library {
	return []*rules.Library{
		gorm.Library,
		databasesql.Library,
		ent.Library,
		sqlboiler.Library,
		sqlx.Library,
		squirrel.Library,
		pgx.Library,
		sqlc.Library,
		bun.Library,
		gormv1.Library,
		xorm.Library,
		gopg.Library,
	}
}

// Registry returns a new registry of every library, to which a caller may
// add declared queries.
func Registry() *rules.Registry { return rules.NewRegistry(All()...) }
