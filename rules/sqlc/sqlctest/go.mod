module github.com/nplusonelint/nplusonelint/rules/sqlc/sqlctest

go 1.26.0

require (
	example.com/sqlcapp v0.0.0
	github.com/glebarez/go-sqlite v1.21.2
	github.com/nplusonelint/nplusonelint/querycount v0.0.0
)

require (
	github.com/dustin/go-humanize v1.0.1 // indirect
	github.com/google/uuid v1.3.0 // indirect
	github.com/mattn/go-isatty v0.0.17 // indirect
	github.com/remyoudompheng/bigfft v0.0.0-20230129092748-24d4a6f8daec // indirect
	golang.org/x/sys v0.7.0 // indirect
	modernc.org/libc v1.22.5 // indirect
	modernc.org/mathutil v1.5.0 // indirect
	modernc.org/memory v1.5.0 // indirect
	modernc.org/sqlite v1.23.1 // indirect
)

replace (
	example.com/sqlcapp => ../../../testdata/sqlc
	github.com/nplusonelint/nplusonelint/querycount => ../../../querycount
)
