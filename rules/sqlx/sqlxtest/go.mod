module github.com/nplusonelint/nplusonelint/rules/sqlx/sqlxtest

go 1.26.0

require (
	github.com/Masterminds/squirrel v1.5.4
	github.com/glebarez/go-sqlite v1.21.2
	github.com/jmoiron/sqlx v1.4.0
	github.com/nplusonelint/nplusonelint v0.0.0
	github.com/nplusonelint/nplusonelint/querycount v0.0.0
	golang.org/x/tools v0.52.0
)

require (
	github.com/dustin/go-humanize v1.0.1 // indirect
	github.com/google/uuid v1.3.0 // indirect
	github.com/lann/builder v0.0.0-20180802200727-47ae307949d0 // indirect
	github.com/lann/ps v0.0.0-20150810152359-62de8c46ede0 // indirect
	github.com/mattn/go-isatty v0.0.17 // indirect
	github.com/remyoudompheng/bigfft v0.0.0-20230129092748-24d4a6f8daec // indirect
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/sync v0.24.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
	modernc.org/libc v1.22.5 // indirect
	modernc.org/mathutil v1.5.0 // indirect
	modernc.org/memory v1.5.0 // indirect
	modernc.org/sqlite v1.23.1 // indirect
)

replace (
	github.com/nplusonelint/nplusonelint => ../../..
	github.com/nplusonelint/nplusonelint/querycount => ../../../querycount
)
