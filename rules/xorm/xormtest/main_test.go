package xormtest

import (
	"testing"

	"github.com/nplusonelint/nplusonelint/internal/moduletest"
)

// The end-to-end tests run the real binary, as users do (moduletest.Tool).
func TestMain(m *testing.M) { moduletest.Main(m) }
