package store_test

import (
	"testing"

	"example.com/own/store"
)

func TestTouchNothing(t *testing.T) { store.Touch(nil, nil) }
