package gormcount

import (
	"errors"
	"sync"
	"time"

	"gorm.io/gorm"

	"github.com/nplusonelint/nplusonelint/querycount"
)

// pluginName is the name the counter is registered under, as a GORM
// plugin and as a callback.
const pluginName = "querycount"

// attachMu makes Attach's check-then-register atomic for one *gorm.DB
// attached from parallel tests.
var attachMu sync.Mutex

// Attach registers a counter on db's callbacks (shared by every session
// derived from db) and returns it. Attaching again to db, or to a session
// of it, registers nothing and returns the same counter. An error
// registering the callbacks is added to db (db.Error).
func Attach(db *gorm.DB) *querycount.Counter {
	attachMu.Lock()
	defer attachMu.Unlock()
	if p, ok := db.Config.Plugins[pluginName].(*plugin); ok {
		return p.counter
	}
	p := &plugin{counter: querycount.New()}
	if err := db.Use(p); err != nil {
		db.AddError(err)
	}
	return p.counter
}

// plugin registers the counter's callbacks around each of GORM's
// statement-running callbacks.
type plugin struct{ counter *querycount.Counter }

func (*plugin) Name() string { return pluginName }

func (p *plugin) Initialize(db *gorm.DB) error {
	cb := db.Callback()
	for _, r := range []struct{ before, after registrar }{
		// Before preload: a statement's time is its own, not its preloads'.
		{cb.Query().Before("gorm:query"), cb.Query().After("gorm:query").Before("gorm:preload")},
		{cb.Create().Before("gorm:create"), cb.Create().After("gorm:create")},
		{cb.Update().Before("gorm:update"), cb.Update().After("gorm:update")},
		{cb.Delete().Before("gorm:delete"), cb.Delete().After("gorm:delete")},
		{cb.Row().Before("gorm:row"), cb.Row().After("gorm:row")},
		{cb.Raw().Before("gorm:raw"), cb.Raw().After("gorm:raw")},
	} {
		if err := r.before.Register(pluginName+":start", p.start); err != nil {
			return err
		}
		if err := r.after.Register(pluginName+":record", p.record); err != nil {
			return err
		}
	}
	return nil
}

// registrar is what GORM's callback builders (Before, After) return.
type registrar interface {
	Register(name string, fn func(*gorm.DB)) error
}

type startKey struct{}

// start notes when a statement that GORM may send begins, if anything
// records it.
func (p *plugin) start(tx *gorm.DB) {
	if tx.Error == nil && !tx.DryRun && p.counter.Active(tx.Statement.Context) {
		tx.Statement.Settings.Store(startKey{}, time.Now())
	}
}

// record counts the statement if GORM sent it.
func (p *plugin) record(tx *gorm.DB) {
	v, ok := tx.Statement.Settings.LoadAndDelete(startKey{})
	if !ok || tx.Statement.SQL.Len() == 0 || refused(tx.Error) {
		return
	}
	p.counter.Record(tx.Statement.Context, tx.Statement.SQL.String(), v.(time.Time), tx.Error)
}

// refused reports whether err is one GORM raises before sending a
// statement it has built.
func refused(err error) bool {
	for _, e := range []error{gorm.ErrMissingWhereClause, gorm.ErrEmptySlice, gorm.ErrInvalidData, gorm.ErrInvalidValue} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}
