module example.com/sqlboilerapp

go 1.26.0

require (
	github.com/friendsofgo/errors v0.9.2
	github.com/volatiletech/sqlboiler/v4 v4.19.1
	github.com/volatiletech/strmangle v0.0.6
	golang.org/x/sync v0.24.0
)

require (
	github.com/spf13/cast v1.5.0 // indirect
	github.com/volatiletech/inflect v0.0.1 // indirect
	golang.org/x/xerrors v0.0.0-20220609144429-65e65417b02f // indirect
)
