package driver

// ErrorLines exposes errorLines to the tests.
var ErrorLines = errorLines

// RunTo is Run printing to the writers given.
var RunTo = run
