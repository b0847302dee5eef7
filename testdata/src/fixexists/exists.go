package fixexists // want package:"reaches data access"

import (
	"context"

	"gorm.io/gorm"
)

type User struct {
	ID     uint
	Email  string
	Banned bool
}

type Order struct {
	ID     uint
	UserID uint
	Status string
}

// EmailTaken counts users to learn whether one exists.
func EmailTaken(db *gorm.DB, email string) (bool, error) { // want EmailTaken:"runs \\(\\*gorm\\.DB\\)\\.Count \\[params 0,1\\]"
	var n int64
	if err := db.Model(&User{}).Where("email = ?", email).Count(&n).Error; err != nil { // want `count compared to zero: \(\*gorm.DB\).Count counts every matching row to learn whether there is one; select at most one row instead: Select\("1"\).Limit\(1\).Find\(&n\)`
		return false, err
	}
	return n > 0, nil
}

// HasOpenOrders uses the other spellings: 0 < n, n >= 1, n == 0.
func HasOpenOrders(ctx context.Context, db *gorm.DB, userID uint) string { // want HasOpenOrders:"runs \\(\\*gorm\\.DB\\)\\.Count \\[params 1,2\\]"
	var open int64
	db.WithContext(ctx).Table("orders").Where("user_id = ? AND status = ?", userID, "open").Count(&open) // want `count compared to zero`
	if 0 < open {
		return "open"
	}
	if open == 0 {
		return "none"
	}
	return "?"
}

// ActiveUsers asks per user, in a loop: an N+1 and a count compared to
// zero at once; the count is declared in the loop, so the fix applies.
func ActiveUsers(db *gorm.DB, users []User) []User {
	var active []User
	for _, u := range users {
		var orders int64
		db.Model(&Order{}).Where("user_id = ?", u.ID).Count(&orders) // want `N\+1 query` `count compared to zero`
		if orders >= 1 {
			active = append(active, u)
		}
	}
	return active
}
