package xormtest

import (
	"fmt"
	"testing"

	_ "github.com/glebarez/go-sqlite"
	"xorm.io/xorm"
	"xorm.io/xorm/core"
	"xorm.io/xorm/names"

	"github.com/nplusonelint/nplusonelint/querycount"
)

// Post and Comment are the beans of the tests.
type Post struct {
	ID    int64 `xorm:"pk autoincr"`
	Title string
}

type Comment struct {
	ID     int64 `xorm:"pk autoincr"`
	PostID int64 `xorm:"index"`
	Body   string
}

// open returns an xorm engine on a fresh in-memory SQLite (xorm's
// "sqlite" dialect over github.com/glebarez/go-sqlite, through the
// counter: xorm.NewEngineWithDB takes the *sql.DB querycount opened),
// holding n posts with two comments each, and the counter.
func open(t *testing.T, name string, n int) (*xorm.Engine, *querycount.Counter) {
	t.Helper()
	c := querycount.New()
	dsn := fmt.Sprintf("file:%s%d?mode=memory&cache=shared", name, n)
	sqldb, err := c.Open("sqlite", dsn)
	if err != nil {
		t.Fatal(err)
	}
	sqldb.SetMaxOpenConns(1)
	engine, err := xorm.NewEngineWithDB("sqlite", dsn, core.FromDB(sqldb))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { engine.Close() })
	engine.SetMapper(names.GonicMapper{}) // PostID → post_id (the default SnakeMapper writes post_i_d)
	if err := engine.Sync(new(Post), new(Comment)); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		p := &Post{Title: fmt.Sprint("post", i)}
		if _, err := engine.Insert(p); err != nil {
			t.Fatal(err)
		}
		if _, err := engine.Insert(&[]*Comment{{PostID: p.ID, Body: "a"}, {PostID: p.ID, Body: "b"}}); err != nil {
			t.Fatal(err)
		}
	}
	return engine, c
}
