package querycount_test

import (
	"testing"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/nplusonelint/nplusonelint/querycount"
)

type Author struct {
	ID   uint
	Name string
}

type Book struct {
	ID       uint
	AuthorID uint
	Author   Author
}

func open(t *testing.T) *gorm.DB {
	t.Helper()
	db, err := gorm.Open(sqlite.Open("file::memory:"), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.AutoMigrate(&Author{}, &Book{}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		db.Create(&Book{Author: Author{Name: "a"}})
	}
	return db
}

func TestCountsEachKindOfStatement(t *testing.T) {
	db := open(t)
	c := querycount.Attach(db)
	c.Expect(t, 1, func() { db.Find(&[]Book{}) })
	c.Expect(t, 2, func() { db.Preload("Author").Find(&[]Book{}) })
	c.Expect(t, 1, func() { db.Model(&Book{}).Where("id = ?", 1).Update("author_id", 1) })
	c.Expect(t, 1, func() { db.Exec("DELETE FROM books WHERE id = ?", 99) })
	c.Expect(t, 1, func() {
		var n int64
		db.Model(&Book{}).Count(&n)
	})
	var books []Book
	db.Find(&books)
	c.Expect(t, len(books), func() {
		for _, b := range books {
			db.First(&b.Author, b.AuthorID)
		}
	})
}

// A wrong expectation fails and lists the statements.
func TestExpectFails(t *testing.T) {
	db := open(t)
	c := querycount.Attach(db)
	ft := &fakeT{TB: t}
	c.Expect(ft, 5, func() { db.Find(&[]Book{}) })
	if !ft.failed {
		t.Fatal("Expect did not fail on 1 statement for 5 expected")
	}
}

type fakeT struct {
	testing.TB
	failed bool
}

func (f *fakeT) Errorf(string, ...any) { f.failed = true }
func (f *fakeT) Helper()               {}
