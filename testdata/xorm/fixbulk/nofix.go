// Package fixbulk holds xorm inserts per element: one multi-row insert
// after the loop where it stores what the loop stored.
package fixbulk

import (
	"time"

	"xorm.io/xorm"

	"example.com/xormapp/models"
)

// NoTx: the loop keeps the rows before a failure, one insert none.
func NoTx(engine *xorm.Engine, bodies []string) error {
	for _, b := range bodies {
		if _, err := engine.Insert(&models.Comment{Body: b}); err != nil { // want `N\+1 query: \(\*xorm\.Engine\)\.Insert runs once per element of bodies.*the loop stops at the first failing in`
			return err
		}
	}
	return nil
}

// Own: xorm sets no ID on the rows of a multi-row insert, and the
// caller's rows would miss theirs.
func Own(engine *xorm.Engine, posts []models.Post) error {
	_, err := engine.Transaction(func(s *xorm.Session) (any, error) {
		for i := range posts {
			if _, err := s.Insert(&posts[i]); err != nil { // want `N\+1 query: \(\*xorm\.Session\)\.Insert runs once per element of posts.*sets no ID on its rows`
				return nil, err
			}
		}
		return nil, nil
	})
	return err
}

// Keyed: the literal sets the autoincrement key, which the first row's
// zero would leave out of the statement.
func Keyed(engine *xorm.Engine, ids []int64) error {
	_, err := engine.Transaction(func(s *xorm.Session) (any, error) {
		for _, id := range ids {
			if _, err := s.Insert(&models.User{ID: id, Name: "copy"}); err != nil { // want `N\+1 query: \(\*xorm\.Session\)\.Insert runs once per element of ids`
				return nil, err
			}
		}
		return nil, nil
	})
	return err
}

// Note has an untagged int64 ID, which xorm makes its autoincrement key,
// and a deleted column.
type Note struct {
	ID      int64
	Body    string
	Removed time.Time `xorm:"deleted"`
}

// Soft: one row writes the zero time into the deleted column, many rows
// leave it NULL.
func Soft(engine *xorm.Engine, bodies []string) error {
	_, err := engine.Transaction(func(s *xorm.Session) (any, error) {
		for _, b := range bodies {
			if _, err := s.Insert(&Note{Body: b}); err != nil { // want `N\+1 query: \(\*xorm\.Session\)\.Insert runs once per element of bodies`
				return nil, err
			}
		}
		return nil, nil
	})
	return err
}

// Draft has an insert hook.
type Draft struct {
	ID   int64
	Body string
}

// BeforeInsert runs before each insert.
func (d *Draft) BeforeInsert() {}

// Hooked: a hook per row.
func Hooked(engine *xorm.Engine, bodies []string) error {
	_, err := engine.Transaction(func(s *xorm.Session) (any, error) {
		for _, b := range bodies {
			if _, err := s.Insert(&Draft{Body: b}); err != nil { // want `N\+1 query: \(\*xorm\.Session\)\.Insert runs once per element of bodies.*Draft has BeforeInsert, which xorm run`
				return nil, err
			}
		}
		return nil, nil
	})
	return err
}

// Committed: the check returns no error, so the transaction commits the
// rows before the failure.
func Committed(engine *xorm.Engine, bodies []string) error {
	_, err := engine.Transaction(func(s *xorm.Session) (any, error) {
		for _, b := range bodies {
			if _, err := s.Insert(&models.Comment{Body: b}); err != nil { // want `N\+1 query: \(\*xorm\.Session\)\.Insert runs once per element of bodies.*the loop stops at the first failing in`
				return err, nil
			}
		}
		return nil, nil
	})
	return err
}

// Shaped: the session's Omit shapes only the next insert, the first; one
// insert of all rows would omit the column from every row.
func Shaped(engine *xorm.Engine, bodies []string) error {
	_, err := engine.Transaction(func(s *xorm.Session) (any, error) {
		s.Omit("body")
		for _, b := range bodies {
			if _, err := s.Insert(&models.Comment{Body: b}); err != nil { // want `N\+1 query: \(\*xorm\.Session\)\.Insert runs once per element of bodies`
				return nil, err
			}
		}
		return nil, nil
	})
	return err
}
