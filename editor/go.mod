module github.com/nplusonelint/nplusonelint/editor

go 1.26.0
