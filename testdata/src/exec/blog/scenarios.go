package blog

import (
	"errors"
	"fmt"
	"sort"

	"gorm.io/gorm"
)

// Scenarios are the functions the execution test runs; each returns what
// it computed, to compare before and after the fix.
var Scenarios = map[string]func(*gorm.DB) (any, error){
	"AuthorNames":    AuthorNames,
	"CommentCounts":  CommentCounts,
	"ApprovedBodies": ApprovedBodies,
	"TagNames":       TagNames,
	"CommenterNames": CommenterNames,
	"Bios":           Bios,
	"ImportVisits":   ImportVisits,
	"AnyUnapproved":  AnyUnapproved,
	"LabelOnce":      LabelOnce,
	"LabelSkip":      LabelSkip,
	"MarkSkip":       MarkSkip,
	"FailMidway":     FailMidway,
	"Forward":        Forward,
	"StoreVisits":    StoreVisits,
	"JoinedAuthors":  JoinedAuthors,
	"VerifiedNames":  VerifiedNames,
	"Plans":          Plans,
	"Employers":      Employers,
}

// Ambiguous are hand-written Joins the fixes must not write: the
// execution test expects each to fail. AuthorNames ordered by an
// unqualified "id", joined with users instead of preloading them:
// SQLite rejects the ambiguous column.
var Ambiguous = map[string]func(*gorm.DB) (any, error){
	"AuthorNames": func(db *gorm.DB) (any, error) {
		var posts []Post
		err := db.Order("id").Joins("Author").Find(&posts).Error
		return len(posts), err
	},
}

// JoinedAuthors: belongs to, the order qualified: one query with a join.
func JoinedAuthors(db *gorm.DB) (any, error) {
	var posts []Post
	if err := db.Order("posts.id desc").Limit(100).Find(&posts).Error; err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		var author User
		db.Find(&author, p.AuthorID)
		out = append(out, p.Title+" by "+author.Name)
	}
	return out, nil
}

// VerifiedNames: belongs to with a constant filter: a filtered join.
func VerifiedNames(db *gorm.DB) (any, error) {
	var posts []Post
	if err := db.Order("posts.id").Find(&posts).Error; err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		var author User
		db.Where("verified = ?", true).First(&author, p.AuthorID)
		out = append(out, p.Title+" by "+author.Name)
	}
	return out, nil
}

// Plans: has one on a unique key; readers have no account.
func Plans(db *gorm.DB) (any, error) {
	var users []User
	if err := db.Where(map[string]any{"verified": true}).Or("name LIKE ?", "reader%").Find(&users).Error; err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, u := range users {
		var account Account
		db.Where("user_id = ?", u.ID).Find(&account)
		out[u.Name] = account.Plan
	}
	return out, nil
}

// AuthorNames: belongs to.
func AuthorNames(db *gorm.DB) (any, error) {
	var posts []Post
	if err := db.Order("id").Find(&posts).Error; err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		var author User
		db.First(&author, p.AuthorID)
		out = append(out, p.Title+" by "+author.Name)
	}
	return out, nil
}

// CommentCounts: has many, into the element's own field.
func CommentCounts(db *gorm.DB) (any, error) {
	var posts []Post
	if err := db.Order("id").Find(&posts).Error; err != nil {
		return nil, err
	}
	out := map[string]int{}
	for i := range posts {
		db.Where("post_id = ?", posts[i].ID).Find(&posts[i].Comments)
		out[posts[i].Title] = len(posts[i].Comments)
	}
	return out, nil
}

// ApprovedBodies: has many with a constant filter and an error check.
func ApprovedBodies(db *gorm.DB) (any, error) {
	var posts []Post
	if err := db.Order("id").Find(&posts).Error; err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, p := range posts {
		var comments []Comment
		if err := db.Where("post_id = ?", p.ID).Where("approved = ?", true).Find(&comments).Error; err != nil {
			return nil, err
		}
		for _, c := range comments {
			out[p.Title] = append(out[p.Title], c.Body)
		}
	}
	return out, nil
}

// TagNames: many to many through the association API.
func TagNames(db *gorm.DB) (any, error) {
	var posts []Post
	if err := db.Order("id").Find(&posts).Error; err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, p := range posts {
		var tags []Tag
		if err := db.Model(&p).Association("Tags").Find(&tags); err != nil {
			return nil, err
		}
		for _, t := range tags {
			out[p.Title] = append(out[p.Title], t.Name)
		}
		sort.Strings(out[p.Title])
	}
	return out, nil
}

// CommenterNames: nested, comments preloaded and their authors not.
func CommenterNames(db *gorm.DB) (any, error) {
	var posts []Post
	if err := db.Order("id").Preload("Comments").Find(&posts).Error; err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		for _, c := range p.Comments {
			var author User
			db.First(&author, c.AuthorID)
			out = append(out, fmt.Sprintf("%s: %s", p.Title, author.Name))
		}
	}
	sort.Strings(out)
	return out, nil
}

// Bios: has one.
func Bios(db *gorm.DB) (any, error) {
	var users []User
	if err := db.Order("id").Find(&users).Error; err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, u := range users {
		var profile Profile
		db.Where("user_id = ?", u.ID).Find(&profile)
		out[u.Name] = profile.Bio
	}
	return out, nil
}

// ImportVisits: one insert per element in a transaction, stopping at the
// first error; returns what was stored.
func ImportVisits(db *gorm.DB) (any, error) {
	var users []User
	if err := db.Order("id").Find(&users).Error; err != nil {
		return nil, err
	}
	err := db.Transaction(func(tx *gorm.DB) error {
		for _, u := range users {
			if err := tx.Create(&Visit{Path: "/u/" + u.Name, UserID: u.ID}).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var stored []string
	db.Model(&Visit{}).Order("id").Pluck("path", &stored)
	return stored, nil
}

// AnyUnapproved: a count compared to zero.
func AnyUnapproved(db *gorm.DB) (any, error) {
	var n int64
	if err := db.Model(&Comment{}).Where("approved = ?", false).Count(&n).Error; err != nil {
		return nil, err
	}
	return n > 0, nil
}

// LabelOnce: find by key, insert when missing. Every post has an approved
// and an unapproved comment, so each label repeats in the input: the
// loop inserts each once because a later iteration finds what an earlier
// one inserted; inserts moved after the loop would store every repeat.
func LabelOnce(db *gorm.DB) (any, error) {
	var comments []Comment
	if err := db.Order("id").Find(&comments).Error; err != nil {
		return nil, err
	}
	for _, c := range comments {
		name := "pending"
		if c.Approved {
			name = "approved"
		}
		var t Tag
		if err := db.Where("name = ?", name).First(&t).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			db.Create(&Tag{Name: name})
		}
	}
	var stored []string
	db.Model(&Tag{}).Order("id").Pluck("name", &stored)
	return stored, nil
}

// LabelSkip: one insert per element, errors ignored, the model's unique
// key rejecting the repeats: the loop stores each label once, and so must
// the batch.
func LabelSkip(db *gorm.DB) (any, error) {
	var comments []Comment
	if err := db.Order("id").Find(&comments).Error; err != nil {
		return nil, err
	}
	for _, c := range comments {
		db.Create(&Label{Name: fmt.Sprint(c.Approved)})
	}
	var stored []string
	db.Model(&Label{}).Order("id").Pluck("name", &stored)
	return stored, nil
}

// MarkSkip: the same with a unique index the model does not declare (made
// by a migration): one batch would fail as a whole and store nothing.
func MarkSkip(db *gorm.DB) (any, error) {
	if err := db.Exec("CREATE UNIQUE INDEX idx_marks_name ON marks(name)").Error; err != nil {
		return nil, err
	}
	var comments []Comment
	if err := db.Order("id").Find(&comments).Error; err != nil {
		return nil, err
	}
	for _, c := range comments {
		db.Create(&Mark{Name: fmt.Sprint(c.Approved)})
	}
	var stored []string
	db.Model(&Mark{}).Order("id").Pluck("name", &stored)
	return stored, nil
}

// FailMidway: stopping at the first failing insert outside a transaction
// keeps the rows before it, which one batch would not.
func FailMidway(db *gorm.DB) (any, error) {
	if err := db.Exec("CREATE UNIQUE INDEX idx_marks_name ON marks(name)").Error; err != nil {
		return nil, err
	}
	var comments []Comment
	if err := db.Order("id").Find(&comments).Error; err != nil {
		return nil, err
	}
	failed := false
	func() {
		for _, c := range comments {
			if err := db.Create(&Mark{Name: fmt.Sprint(c.Approved)}).Error; err != nil {
				failed = true
				return
			}
		}
	}()
	var stored []string
	db.Model(&Mark{}).Order("id").Pluck("name", &stored)
	return fmt.Sprint(failed, stored), nil
}

// Forward: each iteration reads what the one before it wrote (a comment
// forwarded to the next post): a preload before the loop would not.
func Forward(db *gorm.DB) (any, error) {
	var posts []Post
	if err := db.Order("id").Find(&posts).Error; err != nil {
		return nil, err
	}
	var counts []int
	for i := range posts {
		var comments []Comment
		db.Where("post_id = ?", posts[i].ID).Find(&comments)
		counts = append(counts, len(comments))
		if i+1 < len(posts) {
			db.Create(&Comment{PostID: posts[i+1].ID, Body: "forwarded"})
		}
	}
	return counts, nil
}

// StoreVisits: the caller's own rows, by index, in a transaction: the
// batch gives each row its ID as the loop did, in the same order.
func StoreVisits(db *gorm.DB) (any, error) {
	var users []User
	if err := db.Order("id").Find(&users).Error; err != nil {
		return nil, err
	}
	visits := make([]Visit, len(users))
	for i, u := range users {
		visits[i] = Visit{Path: "/v/" + u.Name, UserID: u.ID}
	}
	err := db.Transaction(func(tx *gorm.DB) error {
		for i := range visits {
			if err := tx.Create(&visits[i]).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var got []string
	for _, v := range visits {
		if v.ID == 0 {
			return nil, fmt.Errorf("%s got no ID", v.Path)
		}
		got = append(got, fmt.Sprint(v.ID, v.Path))
	}
	var byID []string
	var rows []Visit
	db.Order("id").Find(&rows)
	for _, r := range rows {
		byID = append(byID, fmt.Sprint(r.ID, r.Path))
	}
	return []any{got, byID}, nil
}

// Employers: the authors joined, each author's company loaded per post:
// a nested join.
func Employers(db *gorm.DB) (any, error) {
	var posts []Post
	if err := db.Joins("Author").Order("posts.id").Find(&posts).Error; err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		var company Company
		db.First(&company, p.Author.CompanyID)
		out = append(out, p.Author.Name+" at "+company.Name)
	}
	return out, nil
}
