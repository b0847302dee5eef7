module github.com/nplusonelint/nplusonelint/rules/sqlboiler/boiltest

go 1.26.0

require (
	github.com/glebarez/go-sqlite v1.21.2
	github.com/nplusonelint/nplusonelint v0.0.0
	github.com/nplusonelint/nplusonelint/querycount v0.0.0
	github.com/volatiletech/sqlboiler/v4 v4.19.1
)

require (
	github.com/dustin/go-humanize v1.0.1 // indirect
	github.com/friendsofgo/errors v0.9.2 // indirect
	github.com/google/uuid v1.3.0 // indirect
	github.com/mattn/go-isatty v0.0.17 // indirect
	github.com/remyoudompheng/bigfft v0.0.0-20230129092748-24d4a6f8daec // indirect
	github.com/spf13/cast v1.5.0 // indirect
	github.com/volatiletech/inflect v0.0.1 // indirect
	github.com/volatiletech/strmangle v0.0.6 // indirect
	golang.org/x/sys v0.33.0 // indirect
	golang.org/x/xerrors v0.0.0-20220609144429-65e65417b02f // indirect
	modernc.org/libc v1.22.5 // indirect
	modernc.org/mathutil v1.5.0 // indirect
	modernc.org/memory v1.5.0 // indirect
	modernc.org/sqlite v1.23.1 // indirect
)

replace github.com/nplusonelint/nplusonelint => ../../..

replace github.com/nplusonelint/nplusonelint/querycount => ../../../querycount
