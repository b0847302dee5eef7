// Package fixexists holds counts compared to zero: whether a row exists,
// asked by counting them all.
package fixexists

import (
	"context"

	"gorm.io/gorm"
)

type Post struct {
	ID       uint
	Comments []Comment
}

type Comment struct {
	ID     uint
	PostID uint
}

// The count variable lives outside the loop: after the first post with
// orders it would stay 1. Reported without an edit.
func Reused(db *gorm.DB, users []User) int {
	var n int64
	k := 0
	for _, u := range users {
		db.Model(&Order{}).Where("user_id = ?", u.ID).Count(&n) // want `N\+1 query` `count compared to zero`
		if n != 0 {
			k++
		}
	}
	return k
}

// No table named: the count itself fails; not ours to rewrite.
func NoModel(db *gorm.DB) bool { // want NoModel:"runs \\(\\*gorm\\.DB\\)\\.Count \\[params 0\\]"
	var n int64
	db.Where("banned").Count(&n) // want `count compared to zero`
	return n > 0
}

// Group changes what the count means.
func Grouped(db *gorm.DB) bool { // want Grouped:"runs \\(\\*gorm\\.DB\\)\\.Count \\[params 0\\]"
	var n int64
	db.Model(&Order{}).Group("user_id").Count(&n) // want `count compared to zero`
	return n > 0
}

// An association's count, compared directly.
func HasComments(db *gorm.DB, p *Post) bool { // want HasComments:"runs \\(\\*gorm\\.Association\\)\\.Count \\[params 0,1\\]"
	return db.Model(p).Association("Comments").Count() > 0 // want `count compared to zero: \(\*gorm.Association\).Count`
}

// The generic API's count.
func AnyBanned(ctx context.Context, db *gorm.DB) (bool, error) { // want AnyBanned:"runs \\(gorm\\.ChainInterface\\)\\.Count \\[params 1\\]"
	n, err := gorm.G[User](db).Where("banned").Count(ctx, "*") // want `count compared to zero`
	return n != 0, err
}

// The number itself is used: not an existence check.
func Pages(db *gorm.DB) int64 { // want Pages:"runs \\(\\*gorm\\.DB\\)\\.Count \\[params 0\\]"
	var n int64
	db.Model(&User{}).Count(&n)
	if n == 0 {
		return 0
	}
	return (n + 19) / 20
}

// Compared with another number: a threshold, not existence.
func Crowded(db *gorm.DB) bool { // want Crowded:"runs \\(\\*gorm\\.DB\\)\\.Count \\[params 0\\]"
	var n int64
	db.Model(&User{}).Count(&n)
	return n > 100
}

// n > 1 asks for two rows.
func Duplicated(db *gorm.DB, email string) bool { // want Duplicated:"runs \\(\\*gorm\\.DB\\)\\.Count \\[params 0,1\\]"
	var n int64
	db.Model(&User{}).Where("email = ?", email).Count(&n)
	return n > 1
}
