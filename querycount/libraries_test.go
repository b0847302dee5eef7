package querycount

import "testing"

func TestLibraryOfFrames(t *testing.T) {
	for _, tc := range []struct {
		fn   string
		lib  string
		skip bool
	}{
		{"gorm.io/gorm.(*DB).Find", "GORM", true},
		{"gorm.io/gorm/callbacks.Query", "GORM", true},
		{"github.com/jinzhu/gorm.(*DB).First", "GORM", true},
		{"github.com/jmoiron/sqlx.(*DB).GetContext", "sqlx", true},
		{"github.com/jackc/pgx/v5.(*Conn).Query", "pgx", true},
		{"database/sql.(*DB).QueryContext.func1", "database/sql", true},
		{"github.com/nplusonelint/nplusonelint/querycount.(*conn).QueryContext", "", true},
		{"github.com/nplusonelint/nplusonelint/querycount/gormcount.(*plugin).record", "", true},
		{"runtime.goexit", "", true},
		{"github.com/nplusonelint/nplusonelint/querycount/tests/exampleapp.Handler.func1", "", false},
		{"github.com/nplusonelint/nplusonelint/querycount_test.TestX", "", false},
		{"gorm.io/gorm_test.TestPreload", "", false},
		{"example.com/app/gormish.List", "", false},
		{"example.com/app.(*Repo).List", "", false},
		{"main.main", "", false},
	} {
		lib, skip := libraryOf(tc.fn)
		name := ""
		if lib != nil {
			name = lib.Name
		}
		if name != tc.lib || skip != tc.skip {
			t.Errorf("libraryOf(%q) = %q, %v; want %q, %v", tc.fn, name, skip, tc.lib, tc.skip)
		}
	}
}
