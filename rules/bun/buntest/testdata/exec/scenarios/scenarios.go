// Package scenarios holds bun N+1s that nplusonelint -fix rewrites into
// Relation: the execution test runs them before and after the fix.
package scenarios

import (
	"context"
	"fmt"

	"github.com/uptrace/bun"
)

// Comments reads each post's comments in the loop.
func Comments(ctx context.Context, db *bun.DB) ([]string, error) {
	var posts []*Post
	if err := db.NewSelect().Model(&posts).Order("post.id").Scan(ctx); err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		if err := db.NewSelect().Model(&p.Comments).Where("post_id = ?", p.ID).Order("id").Scan(ctx); err != nil {
			return nil, err
		}
		for _, c := range p.Comments {
			out = append(out, p.Title+": "+c.Body)
		}
	}
	return out, nil
}

// Approved reads each post's approved comments, newest first.
func Approved(ctx context.Context, db *bun.DB) ([]string, error) {
	var posts []*Post
	err := db.NewSelect().Model(&posts).Order("post.id").Scan(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		err := db.NewSelect().Model(&p.Comments).Where("post_id = ?", p.ID).Where("approved = ?", true).OrderExpr("id DESC").Scan(ctx)
		if err != nil {
			return nil, err
		}
		for _, c := range p.Comments {
			out = append(out, p.Title+": "+c.Body)
		}
	}
	return out, nil
}

// Votes reads each comment's votes, the comments loaded with the posts.
func Votes(ctx context.Context, db *bun.DB) ([]string, error) {
	var posts []Post
	if err := db.NewSelect().Model(&posts).Order("post.id").Relation("Comments").Scan(ctx); err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		for _, c := range p.Comments {
			if err := db.NewSelect().Model(&c.Votes).Where("comment_id = ?", c.ID).Order("id").Scan(ctx); err != nil {
				return nil, err
			}
			out = append(out, fmt.Sprint(p.Title, ": ", c.Body, " ", len(c.Votes)))
		}
	}
	return out, nil
}

// UpVotes reads each comment's up votes by label, below the posts.
func UpVotes(ctx context.Context, db *bun.DB) ([]string, error) {
	var posts []*Post
	if err := db.NewSelect().Model(&posts).Order("post.id").Relation("Comments").Scan(ctx); err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		for i := range p.Comments {
			if err := db.NewSelect().Model(&p.Comments[i].Votes).Where("comment_id = ?", p.Comments[i].ID).Where("up").Order("label DESC", "id").Scan(ctx); err != nil {
				return nil, err
			}
			for _, v := range p.Comments[i].Votes {
				out = append(out, p.Title+": "+p.Comments[i].Body+" "+v.Label)
			}
		}
	}
	return out, nil
}
