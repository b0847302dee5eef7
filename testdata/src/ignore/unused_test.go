package ignore

import "gorm.io/gorm"

// Nothing is reported in test files: an unused directive there neither.
func fixture(db *gorm.DB) { // want fixture:"runs \\(\\*gorm\\.DB\\)\\.First \\[params 0\\]"
	db.First(&Author{}, 1) //nplusone:ignore a fixture
}
