package gormtest

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/nplusonelint/nplusonelint/querycount"
	"github.com/nplusonelint/nplusonelint/querycount/gormcount"
	"github.com/nplusonelint/nplusonelint/querycount/tests/internal/blogdb"
)

type Author struct {
	ID   uint
	Name string
}

type Post struct {
	ID       uint
	Title    string
	AuthorID uint
	Author   Author
}

func open(t *testing.T, l logger.Interface) (*gorm.DB, func(n int)) {
	t.Helper()
	if l == nil {
		l = logger.Discard
	}
	db, err := gorm.Open(sqlite.Open(blogdb.DSN(t)), &gorm.Config{Logger: l})
	if err != nil {
		t.Fatal(err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sqlDB.Close() })
	return db, func(n int) {
		if err := blogdb.Seed(sqlDB, n); err != nil {
			t.Fatal(err)
		}
	}
}

// line returns the line after the caller's.
func line() int {
	_, _, l, _ := runtime.Caller(1)
	return l + 1
}

var authorLine int

// titlesNPlusOne loads each post's author with a query of its own.
func titlesNPlusOne(db *gorm.DB) []string {
	var posts []Post
	db.Find(&posts)
	var out []string
	for _, p := range posts {
		var a Author
		authorLine = line()
		db.First(&a, p.AuthorID)
		out = append(out, p.Title+" by "+a.Name)
	}
	return out
}

// titlesPreload is its fix: the authors in one more query.
func titlesPreload(db *gorm.DB) []string {
	var posts []Post
	db.Preload("Author").Find(&posts)
	var out []string
	for _, p := range posts {
		out = append(out, p.Title+" by "+p.Author.Name)
	}
	return out
}

func TestNPlusOneIsCaughtAndItsFixPasses(t *testing.T) {
	db, seed := open(t, nil)
	c := gormcount.Attach(db)
	rt := &blogdb.RecordingT{TB: t}
	c.ExpectConstant(rt, 2, 5, seed, func() { titlesNPlusOne(db) })
	if len(rt.Errors) != 1 {
		t.Fatalf("the N+1 gave %d failures, want 1: %q", len(rt.Errors), rt.Errors)
	}
	msg := rt.Errors[0]
	for _, want := range []string{
		"3 at 2, 6 at 5",
		"2 → 5  SELECT * FROM `authors` WHERE `authors`.`id` = ? ORDER BY `authors`.`id` LIMIT ?",
		fmt.Sprintf("at gormtest/gorm_test.go:%d (GORM: load the association with the list: Preload", authorLine),
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("the failure lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "FROM `posts`") {
		t.Errorf("the failure lists the posts query, which did not grow:\n%s", msg)
	}

	c.ExpectConstant(t, 2, 5, seed, func() { titlesPreload(db) })
	c.Expect(t, 2, func() { titlesPreload(db) })
	if got, want := strings.Join(titlesPreload(db), ";"), strings.Join(titlesNPlusOne(db), ";"); got != want {
		t.Errorf("the fix changed the result: %s, want %s", got, want)
	}
}

// warnings records GORM's warnings (a duplicated callback is one).
type warnings struct {
	logger.Interface
	mu   sync.Mutex
	msgs []string
}

func (w *warnings) Warn(_ context.Context, msg string, args ...any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.msgs = append(w.msgs, fmt.Sprintf(msg, args...))
}

func (w *warnings) LogMode(logger.LogLevel) logger.Interface { return w }

func TestAttachingTwiceRegistersOnce(t *testing.T) {
	w := &warnings{Interface: logger.Discard}
	db, seed := open(t, w)
	seed(3)
	c := gormcount.Attach(db)
	if again := gormcount.Attach(db); again != c {
		t.Error("attaching again returned another counter")
	}
	if again := gormcount.Attach(db.Session(&gorm.Session{}).Where("id > 0")); again != c {
		t.Error("attaching to a session returned another counter")
	}
	c.Expect(t, 1, func() { db.Find(&[]Post{}) })
	if db.Error != nil {
		t.Error(db.Error)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.msgs) > 0 {
		t.Errorf("GORM warned: %q", w.msgs)
	}
}

// What counts: what GORM sends to the database, failed or not.
func TestWhatCounts(t *testing.T) {
	db, seed := open(t, nil)
	seed(3)
	c := gormcount.Attach(db)
	for _, tc := range []struct {
		name   string
		want   int
		failed bool
		run    func()
	}{
		{"dry run", 0, false, func() { db.Session(&gorm.Session{DryRun: true}).Find(&[]Post{}) }},
		{"failed statement", 1, true, func() { db.Exec("SELECT * FROM missing") }},
		{"record not found", 1, true, func() { db.First(&Post{}, 99) }},
		{"delete without where, refused", 0, false, func() { db.Delete(&Post{}) }},
		{"create in its transaction", 1, false, func() { db.Create(&Author{Name: "new"}) }},
		{"count, pluck, row", 3, false, func() {
			var n int64
			db.Model(&Post{}).Count(&n)
			var ids []int
			db.Model(&Post{}).Pluck("id", &ids)
			db.Model(&Post{}).Select("count(*)").Row().Scan(&n)
		}},
		{"error earlier in the chain", 0, false, func() {
			tx := db.Where("id = ?", 1)
			tx.AddError(errors.New("earlier"))
			tx.Find(&[]Post{})
		}},
	} {
		u := c.Capture(tc.run)
		if u.Count() != tc.want {
			t.Errorf("%s: %d statements, want %d: %v", tc.name, u.Count(), tc.want, u.Statements())
			continue
		}
		if tc.want > 0 && (u.Statements()[0].Err != nil) != tc.failed {
			t.Errorf("%s: error %v, want failed=%v", tc.name, u.Statements()[0].Err, tc.failed)
		}
	}
}

// Parallel tests on one database see only their own statements.
func TestParallelTestsAreIsolated(t *testing.T) {
	db, seed := open(t, nil)
	seed(8)
	gormcount.Attach(db)
	for k := 1; k <= 8; k++ {
		t.Run(fmt.Sprint(k), func(t *testing.T) {
			t.Parallel()
			querycount.ExpectContext(t, 1+k, func(ctx context.Context) {
				var posts []Post
				db.WithContext(ctx).Limit(k).Find(&posts)
				for _, p := range posts {
					db.WithContext(ctx).First(&Author{}, p.AuthorID)
				}
			})
		})
	}
}

func TestWatchReportsTheDuplicateWithGORMAdvice(t *testing.T) {
	db, seed := open(t, nil)
	seed(4)
	gormcount.Attach(db)
	rt := &blogdb.RecordingT{}
	t.Run("handler", func(t *testing.T) {
		rt.TB = t
		ctx := querycount.Watch(rt, querycount.Detector{})
		titlesNPlusOne(db.WithContext(ctx))
	})
	if len(rt.Errors) != 1 {
		t.Fatalf("%d reports, want 1: %q", len(rt.Errors), rt.Errors)
	}
	want := fmt.Sprintf("4× the same statement from gormtest/gorm_test.go:%d in TestWatchReportsTheDuplicateWithGORMAdvice/handler", authorLine)
	if !strings.Contains(rt.Errors[0], want) || !strings.Contains(rt.Errors[0], "Preload(") {
		t.Errorf("report %q, want %q and the Preload advice", rt.Errors[0], want)
	}
}
