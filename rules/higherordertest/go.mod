module github.com/nplusonelint/nplusonelint/rules/higherordertest

go 1.26.0

require (
	github.com/nplusonelint/nplusonelint v0.0.0
	github.com/samber/lo v1.53.0
	golang.org/x/tools v0.52.0
)

require (
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/sync v0.24.0 // indirect
	golang.org/x/text v0.22.0 // indirect
)

replace github.com/nplusonelint/nplusonelint => ../..
