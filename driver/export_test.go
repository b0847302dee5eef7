package driver

// ErrorLines exposes errorLines to the tests.
var ErrorLines = errorLines
