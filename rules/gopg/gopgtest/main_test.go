// Package gopgtest proves go-pg's fixes compile: go-pg speaks only
// PostgreSQL's protocol, so there is no embedded database to run them on.
package gopgtest

import (
	"testing"

	"github.com/nplusonelint/nplusonelint/internal/moduletest"
)

// The end-to-end tests run the real binary, as users do (moduletest.Tool).
func TestMain(m *testing.M) { moduletest.Main(m) }
