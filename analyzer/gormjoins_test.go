package analyzer_test

import "testing"

// Joins for to-one relations when the origin query stays unambiguous,
// Preload otherwise, each with its golden file.
func TestFixJoins(t *testing.T) { runFixes(t, "./fixjoins") }
