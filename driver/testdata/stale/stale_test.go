package stale

import "testing"

func TestNames(t *testing.T) { Names(nil, nil) }
