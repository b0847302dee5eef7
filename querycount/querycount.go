// Package querycount counts the SQL statements a *gorm.DB runs, to pin
// the number of queries a piece of code makes in a test: the Go
// counterpart of Django's assertNumQueries. nplusonelint's execution
// tests use it to prove a fix turns 1+N queries into a constant number.
//
//	c := querycount.Attach(db)
//	c.Expect(t, 2, func() { listPostsWithAuthors(db) })
package querycount

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"gorm.io/gorm"
)

// Counter records the statements run through the *gorm.DB it is attached
// to (and every session derived from it).
type Counter struct {
	mu    sync.Mutex
	stmts []string
}

// callbackName is the name the counter's callbacks are registered under.
const callbackName = "querycount:record"

// Attach registers the counter's callbacks on db: after every query,
// create, update, delete, row and raw statement. Attaching twice to one
// *gorm.DB replaces the first counter.
func Attach(db *gorm.DB) *Counter {
	c := &Counter{}
	record := func(tx *gorm.DB) {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.stmts = append(c.stmts, tx.Statement.SQL.String())
	}
	cb := db.Callback()
	cb.Query().After("*").Register(callbackName, record)
	cb.Create().After("*").Register(callbackName, record)
	cb.Update().After("*").Register(callbackName, record)
	cb.Delete().After("*").Register(callbackName, record)
	cb.Row().After("*").Register(callbackName, record)
	cb.Raw().After("*").Register(callbackName, record)
	return c
}

// Count returns how many statements ran since the counter was attached
// or last reset.
func (c *Counter) Count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.stmts)
}

// Statements returns the SQL of the statements counted, in order.
func (c *Counter) Statements() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.stmts...)
}

// Reset forgets the statements counted so far.
func (c *Counter) Reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.stmts = nil
}

// Run returns how many statements f runs.
func (c *Counter) Run(f func()) int {
	c.Reset()
	f()
	return c.Count()
}

// Expect fails t unless f runs exactly want statements, listing them.
func (c *Counter) Expect(t testing.TB, want int, f func()) {
	t.Helper()
	if got := c.Run(f); got != want {
		t.Errorf("ran %d statements, want %d:\n%s", got, want, c.listing())
	}
}

func (c *Counter) listing() string {
	var b strings.Builder
	for i, s := range c.Statements() {
		fmt.Fprintf(&b, "%3d  %s\n", i+1, s)
	}
	return b.String()
}
