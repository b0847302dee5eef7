module example.com/sqlapp

go 1.26.0
