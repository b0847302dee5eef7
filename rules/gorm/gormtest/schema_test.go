package gormtest

import (
	"testing"

	"gorm.io/gorm/schema"

	npgorm "github.com/nplusonelint/nplusonelint/rules/gorm"
)

// ColumnName must agree with GORM's default naming strategy, which it
// mirrors.
func TestColumnNameMatchesGORM(t *testing.T) {
	ns := schema.NamingStrategy{}
	for _, name := range []string{
		"ID", "AuthorID", "PostID", "UserUUID", "HTTPURL", "CreatedAt", "EditorRef",
		"A", "Name", "UTF8Name", "IPv4", "APIKey", "OwnerId", "X1Y2", "already_snake",
	} {
		if got, want := npgorm.ColumnName(name), ns.ColumnName("", name); got != want {
			t.Errorf("ColumnName(%q) = %q, GORM says %q", name, got, want)
		}
	}
}
