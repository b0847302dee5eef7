// Package xormtest runs xorm's fixes on an embedded SQLite (xorm's
// "sqlite" dialect over the pure-Go driver, opened through querycount's
// counter), and builds the fixed scenario module.
package xormtest
