module github.com/nplusonelint/nplusonelint/querycount

go 1.26.0
