module github.com/nplusonelint/nplusonelint/rules/gopg/gopgtest

go 1.26.0

require github.com/nplusonelint/nplusonelint v0.0.0

replace github.com/nplusonelint/nplusonelint => ../../..
