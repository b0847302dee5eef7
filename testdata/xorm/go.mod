module example.com/xormapp

go 1.26.0

require (
	github.com/go-xorm/xorm v0.7.9
	github.com/xorm-io/xorm v1.1.6
	xorm.io/xorm v1.4.3
)

require (
	github.com/goccy/go-json v0.10.5 // indirect
	github.com/golang/snappy v0.0.4 // indirect
	github.com/json-iterator/go v1.1.11 // indirect
	github.com/modern-go/concurrent v0.0.0-20180228061459-e0a39a4cb421 // indirect
	github.com/modern-go/reflect2 v0.0.0-20180701023420-4b7aa43c6742 // indirect
	github.com/syndtr/goleveldb v1.0.0 // indirect
	github.com/xorm-io/builder v0.3.13 // indirect
	xorm.io/builder v0.3.13 // indirect
	xorm.io/core v0.7.2-0.20190928055935-90aeac8d08eb // indirect
)
