package rules

// GORM is gorm.io/gorm v2, the classic chainable *gorm.DB API, associations
// and the generic gorm.G[T] API.
//
// Builders (Model, Where, Joins, Preload, Raw, Session, WithContext,
// Association, ScanRows, …) are absent on purpose: they only build a
// statement. FindInBatches runs a query per batch and calls its callback
// once per batch: it is a query, but not an invoker of its callback, so
// queries in the callback are not per element. Begin, Commit and
// Rollback control a transaction and are not counted as queries.
var GORM = Library{
	Name:  "gorm",
	Paths: []string{"gorm.io/gorm"},
	Queries: []Method{
		{"DB", "First", Read},
		{"DB", "Take", Read},
		{"DB", "Last", Read},
		{"DB", "Find", Read},
		{"DB", "FindInBatches", Read},
		{"DB", "FirstOrInit", Read},
		{"DB", "Scan", Read},
		{"DB", "Pluck", Read},
		{"DB", "Row", Read},
		{"DB", "Rows", Read},
		{"DB", "Count", Count},
		{"DB", "Create", Write},
		{"DB", "CreateInBatches", Write},
		{"DB", "Save", Write},
		{"DB", "FirstOrCreate", Write},
		{"DB", "Update", Write},
		{"DB", "Updates", Write},
		{"DB", "UpdateColumn", Write},
		{"DB", "UpdateColumns", Write},
		{"DB", "Delete", Write},
		{"DB", "Exec", Exec},

		{"Association", "Find", Read},
		{"Association", "Count", Count},
		{"Association", "Append", Write},
		{"Association", "Replace", Write},
		{"Association", "Delete", Write},
		{"Association", "Clear", Write},
	},
	// gorm.G[T]: Interface[T], ChainInterface[T], ExecInterface[T], … run a
	// query exactly in the methods that take a context.
	ContextTypes: []string{
		"Interface", "CreateInterface", "ChainInterface", "ExecInterface",
		"SetUpdateOnlyInterface", "SetCreateOrUpdateInterface",
	},
	Kinds: map[string]Kind{
		"Create":          Write,
		"CreateInBatches": Write,
		"Update":          Write,
		"Updates":         Write,
		"Delete":          Write,
		"Count":           Count,
		"Exec":            Exec,
	},
	Invokers: []Method{
		{"DB", "Transaction", ""},
		{"DB", "Connection", ""},
	},
	Handles: []string{
		"DB", "Association", "Interface", "CreateInterface", "ChainInterface", "ExecInterface",
	},
	RowHooks: []string{"AfterFind"}, // callbacks/callmethod.go: once per slice element
	Structural: []Method{
		{"DB", "Table", ""},
		{"CreateInterface", "Table", ""},
		{"ChainInterface", "Table", ""},
	},
	// statement.go: a clause added to db.Statement is part of db's next query.
	Recorders: []Method{
		{"Statement", "AddClause", ""},
		{"Statement", "AddClauseIfNotExists", ""},
	},
	SQLBuilders: []Method{{"DB", "Raw", ""}},
}
