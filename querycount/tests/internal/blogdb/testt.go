package blogdb

import (
	"fmt"
	"testing"
)

// RecordingT is a testing.TB that records failures instead of failing,
// to test that an assertion fails.
type RecordingT struct {
	testing.TB
	Errors []string
}

// Errorf records a failure.
func (r *RecordingT) Errorf(format string, args ...any) {
	r.Errors = append(r.Errors, fmt.Sprintf(format, args...))
}

// Helper does nothing.
func (r *RecordingT) Helper() {}
