// Command exec runs the scenarios on an embedded SQLite holding -n posts
// and prints, per scenario, the statements it ran and its result as JSON.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	_ "github.com/glebarez/go-sqlite"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/sqlitedialect"

	"github.com/nplusonelint/nplusonelint/querycount"

	"example.com/bunexec/scenarios"
)

type outcome struct {
	Statements int
	Result     []string
	Err        string
}

func main() {
	n := flag.Int("n", 3, "posts")
	flag.Parse()
	ctx := context.Background()
	c := querycount.New()
	sqldb, err := c.Open("sqlite", "file:exec?mode=memory&cache=shared")
	if err != nil {
		fail(err)
	}
	sqldb.SetMaxOpenConns(1)
	db := bun.NewDB(sqldb, sqlitedialect.New())
	for _, m := range []any{(*scenarios.Post)(nil), (*scenarios.Comment)(nil), (*scenarios.Vote)(nil)} {
		if _, err := db.NewCreateTable().Model(m).Exec(ctx); err != nil {
			fail(err)
		}
	}
	// Each post has two comments, one approved; each comment three votes,
	// two up, labelled so that label order differs from id order.
	for i := range *n {
		p := &scenarios.Post{Title: fmt.Sprint("post", i)}
		if _, err := db.NewInsert().Model(p).Exec(ctx); err != nil {
			fail(err)
		}
		cs := []*scenarios.Comment{{PostID: p.ID, Body: "first", Approved: true}, {PostID: p.ID, Body: "second"}}
		if _, err := db.NewInsert().Model(&cs).Exec(ctx); err != nil {
			fail(err)
		}
		var vs []*scenarios.Vote
		for _, cm := range cs {
			vs = append(vs, &scenarios.Vote{CommentID: cm.ID, Up: true, Label: "a"}, &scenarios.Vote{CommentID: cm.ID, Label: "z"}, &scenarios.Vote{CommentID: cm.ID, Up: true, Label: "m"})
		}
		if _, err := db.NewInsert().Model(&vs).Exec(ctx); err != nil {
			fail(err)
		}
	}
	out := map[string]outcome{}
	for name, run := range map[string]func(context.Context, *bun.DB) ([]string, error){
		"Comments": scenarios.Comments, "Approved": scenarios.Approved, "Votes": scenarios.Votes, "UpVotes": scenarios.UpVotes,
	} {
		var o outcome
		o.Statements = c.Run(func() {
			o.Result, err = run(ctx, db)
		})
		if err != nil {
			o.Err = err.Error()
		}
		out[name] = o
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
