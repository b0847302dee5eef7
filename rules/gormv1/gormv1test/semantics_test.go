package gormv1test

import (
	"database/sql"
	"errors"
	"testing"

	_ "github.com/glebarez/go-sqlite"
	"github.com/jinzhu/gorm"
)

// The GORM v1 behaviour rules/gormv1's dialect rests on, pinned on the
// real library: what a read does with a missing row, what Related
// resolves, which key a v1-only tag setting means.

type author struct {
	gorm.Model
	Name string
}

type article struct {
	gorm.Model
	WriterID     uint
	Writer       author
	ReviewerName string
	Reviewer     author `gorm:"foreignkey:ReviewerName"`
}

func open(t *testing.T) *gorm.DB {
	t.Helper()
	sqlDB, err := sql.Open("sqlite", "file::memory:")
	if err != nil {
		t.Fatal(err)
	}
	sqlDB.SetMaxOpenConns(1)
	db, err := gorm.Open("sqlite3", sqlDB) // v1 registers sqlite3 in its root package
	if err != nil {
		t.Fatal(err)
	}
	db.LogMode(false) // the failures asked for are not news
	t.Cleanup(func() { db.Close() })
	if err := db.AutoMigrate(&author{}, &article{}).Error; err != nil {
		t.Fatal(err)
	}
	return db
}

// Find into a struct reports a missing row (v2's does not), into a slice
// it does not: only the slice's error check may go (FindReportsMissing).
func TestFindReportsMissingRow(t *testing.T) {
	db := open(t)
	var a author
	if err := db.Where("id = ?", 42).Find(&a).Error; !errors.Is(err, gorm.ErrRecordNotFound) {
		t.Errorf("Find into a struct of no row: %v, want ErrRecordNotFound", err)
	}
	var as []author
	if err := db.Where("id = ?", 42).Find(&as).Error; err != nil {
		t.Errorf("Find into a slice of no row: %v, want nil", err)
	}
}

// First leaves its destination as it was on a missing row, where the
// assignment from a preloaded field writes the zero value (FreshTarget).
func TestFirstLeavesTargetOnMissingRow(t *testing.T) {
	db := open(t)
	a := author{Name: "kept"}
	db.First(&a, 42)
	if a.Name != "kept" {
		t.Errorf("First of a missing row set Name to %q, want it left as it was", a.Name)
	}
}

// Related(&a) with no name looks for authorId and articleId (fields
// matched by column too: author_id, article_id), finds neither, and
// fails: it is not the writer's load. Named, it is; a preload of a
// missing writer leaves the field zero with no error.
func TestRelated(t *testing.T) {
	db := open(t)
	w := author{Name: "w"}
	db.Create(&w)
	p := article{WriterID: w.ID}
	db.Create(&p)
	var a author
	if err := db.Model(&p).Related(&a).Error; err == nil || a.ID != 0 {
		t.Errorf("Related(&a) unnamed: %v, %+v; want v1's invalid association", err, a)
	}
	if err := db.Model(&p).Related(&a, "Writer").Error; err != nil || a.Name != "w" {
		t.Errorf("Related(&a, \"Writer\"): %v, %q", err, a.Name)
	}
	orphan := article{WriterID: 9999}
	db.Create(&orphan)
	var got []article
	if err := db.Preload("Writer").Order("id").Find(&got).Error; err != nil || len(got) != 2 || got[1].Writer.ID != 0 {
		t.Errorf("Preload of a missing writer: %v, %+v", err, got)
	}
}

// foreignkey:ReviewerName alone: v1 strips "Reviewer" and keys on the
// author's Name, not its primary key, so the association is left out of
// what the dialect infers.
func TestForeignKeyStripsPrefix(t *testing.T) {
	db := open(t)
	r := author{Name: "rev"}
	db.Create(&r)
	db.Create(&article{ReviewerName: "rev"})
	var got []article
	if err := db.Preload("Reviewer").Find(&got).Error; err != nil || len(got) != 1 || got[0].Reviewer.ID != r.ID {
		t.Errorf("Preload(\"Reviewer\"): %v, %+v; want the author named rev", err, got)
	}
}

// A preload runs on a new search (Scope.NewDB): the receiver's Unscoped
// does not reach it, where it reaches a query per element
// (PreloadNewSearch).
func TestPreloadDropsReceiverSearch(t *testing.T) {
	db := open(t)
	w := author{Name: "gone"}
	db.Create(&w)
	db.Create(&article{WriterID: w.ID})
	db.Delete(&w) // soft delete
	all := db.Unscoped()
	var one author
	all.First(&one, w.ID)
	var got []article
	all.Preload("Writer").Find(&got)
	if one.Name != "gone" || len(got) != 1 || got[0].Writer.ID != 0 {
		t.Errorf("Unscoped First: %q; Unscoped Preload: %+v; want the row, then none", one.Name, got)
	}
}
