// Package broken does not type-check: each mode reports its error once.
package broken

var N int = "not a number"
