module github.com/nplusonelint/nplusonelint

go 1.26.0

require (
	github.com/samber/lo v1.53.0
	golang.org/x/tools v0.52.0
	gorm.io/gorm v1.31.2
)

require (
	github.com/jinzhu/inflection v1.0.0 // indirect
	github.com/jinzhu/now v1.1.5 // indirect
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/sync v0.24.0 // indirect
	golang.org/x/text v0.22.0 // indirect
)
