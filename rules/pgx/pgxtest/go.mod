module github.com/nplusonelint/nplusonelint/rules/pgx/pgxtest

go 1.26.0
