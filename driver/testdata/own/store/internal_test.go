package store

import "testing"

func TestAuthorsEmpty(t *testing.T) {
	if got, err := Authors(nil, nil); err != nil || len(got) != 0 {
		t.Fatal(got, err)
	}
}
