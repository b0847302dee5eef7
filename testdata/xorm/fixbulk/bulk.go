package fixbulk // want package:"reaches data access"

import (
	"fmt"

	"xorm.io/xorm"

	"example.com/xormapp/models"
)

// Copy inserts a comment per post in a transaction, stopping at the first
// error, which rolls them all back: one insert of them all does the same.
func Copy(engine *xorm.Engine, posts []models.Post) error {
	_, err := engine.Transaction(func(s *xorm.Session) (any, error) {
		for _, p := range posts {
			if _, err := s.Insert(&models.Comment{PostID: p.ID, Body: p.Title}); err != nil { // want `N\+1 query: \(\*xorm\.Session\)\.Insert runs once per element of posts`
				return nil, err
			}
		}
		return nil, nil
	})
	return err
}

// Tags: a tag per label, the error wrapped.
func Tags(engine *xorm.Engine, labels map[string]int64) error {
	_, err := engine.Transaction(func(session *xorm.Session) (any, error) {
		for label, postID := range labels {
			if _, err := session.Insert(&models.Comment{PostID: postID, Body: "#" + label}); err != nil { // want `N\+1 query: \(\*xorm\.Session\)\.Insert runs once per element of labels`
				return nil, fmt.Errorf("tag: %w", err)
			}
		}
		return nil, nil
	})
	return err
}
