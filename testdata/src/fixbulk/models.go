// Package fixbulk holds writes per element, with the batch insert fix
// nplusonelint offers, or why it offers none.
package fixbulk

import "gorm.io/gorm"

type Event struct {
	Path   string
	UserID uint
}

type Visit struct {
	ID     uint
	Path   string
	UserID uint
}

type Tag struct {
	ID     uint
	PostID uint
	Name   string
}

// Audited has a hook: a batch would run every BeforeCreate first.
type Audited struct {
	ID   uint
	Note string
}

func (a *Audited) BeforeCreate(tx *gorm.DB) error { return nil }

// Subscriber declares a unique key: repeats are conflicts to skip.
type Subscriber struct {
	ID    uint
	Email string `gorm:"uniqueIndex"`
}
