module example.com/own

go 1.26.0

require (
	example.com/util v0.0.0
	github.com/samber/lo v1.53.0
	gorm.io/gorm v1.31.2
)

require (
	github.com/jinzhu/inflection v1.0.0 // indirect
	github.com/jinzhu/now v1.1.5 // indirect
	golang.org/x/text v0.22.0 // indirect
)

replace example.com/util => ../util
