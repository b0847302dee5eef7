// Package notify sends notifications.
package notify

import (
	"context"
	"log"
)

type Email struct{}

func (Email) Notify(ctx context.Context, id int64) error { log.Printf("mail %d", id); return nil }

type SMS struct{}

func (SMS) Notify(ctx context.Context, id int64) error { log.Printf("sms %d", id); return nil }
