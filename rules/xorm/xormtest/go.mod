module github.com/nplusonelint/nplusonelint/rules/xorm/xormtest

go 1.26.0

require (
	github.com/glebarez/go-sqlite v1.21.2
	github.com/nplusonelint/nplusonelint v0.0.0
	github.com/nplusonelint/nplusonelint/querycount v0.0.0
	xorm.io/xorm v1.4.3
)

require (
	github.com/dustin/go-humanize v1.0.1 // indirect
	github.com/golang/snappy v0.0.4 // indirect
	github.com/google/uuid v1.6.0 // indirect
	github.com/remyoudompheng/bigfft v0.0.0-20230129092748-24d4a6f8daec // indirect
	github.com/syndtr/goleveldb v1.0.0 // indirect
	golang.org/x/sys v0.28.0 // indirect
	modernc.org/libc v1.55.3 // indirect
	modernc.org/mathutil v1.6.0 // indirect
	modernc.org/memory v1.8.0 // indirect
	modernc.org/sqlite v1.23.1 // indirect
	xorm.io/builder v0.3.13 // indirect
)

replace github.com/nplusonelint/nplusonelint => ../../..

replace github.com/nplusonelint/nplusonelint/querycount => ../../../querycount
