package basic

import (
	"context"

	"gorm.io/gorm"
)

func AuthorsOfPosts(db *gorm.DB) ([]Author, error) { // want AuthorsOfPosts:"runs \\(\\*gorm.DB\\).Find"
	var posts []Post
	if err := db.Find(&posts).Error; err != nil {
		return nil, err
	}
	var authors []Author
	for _, p := range posts {
		var a Author
		if err := db.First(&a, p.AuthorID).Error; err != nil { // want `N\+1 query: \(\*gorm.DB\).First runs once per element of posts \(loop at reads.go:15; posts from \(\*gorm.DB\).Find at reads.go:11\)`
			return nil, err
		}
		authors = append(authors, a)
	}
	return authors, nil
}

func CommentsPerPost(ctx context.Context, db *gorm.DB) (map[uint][]Comment, error) { // want CommentsPerPost:"runs \\(\\*gorm.DB\\).Find"
	var posts []Post
	db.WithContext(ctx).Where("published").Order("id").Find(&posts)
	out := map[uint][]Comment{}
	for _, p := range posts {
		var cs []Comment
		err := db.WithContext(ctx).
			Where("post_id = ?", p.ID).
			Where("approved = ?", true).
			Find(&cs).Error // want `N\+1 query: \(\*gorm.DB\).Find runs once per element of posts \(loop at reads.go:29; posts from`
		if err != nil {
			return nil, err
		}
		out[p.ID] = cs
	}
	return out, nil
}

// The collection is a parameter: reported, with its origin marked unknown.
func TagsOf(db *gorm.DB, posts []*Post) error {
	for _, p := range posts {
		if err := db.Model(p).Association("Tags").Find(&p.Tags); err != nil { // want `\(\*gorm.Association\).Find runs once per element of posts \(loop at reads.go:45; posts is a parameter: origin unknown\)`
			return err
		}
	}
	return nil
}

func CountComments(db *gorm.DB, posts []Post) map[uint]int64 {
	counts := map[uint]int64{}
	for i := range posts {
		var n int64
		db.Model(&Comment{}).Where("post_id = ?", posts[i].ID).Count(&n) // want `\(\*gorm.DB\).Count runs once per element of posts`
		counts[posts[i].ID] = n
	}
	return counts
}

func AssociationCount(db *gorm.DB, posts []Post) []int64 {
	var out []int64
	for _, p := range posts {
		out = append(out, db.Model(&p).Association("Comments").Count()) // want `\(\*gorm.Association\).Count runs once per element of posts`
	}
	return out
}

// A map is a collection too.
func AuthorsByID(db *gorm.DB, byID map[uint]*Post) {
	for id, p := range byID {
		db.Take(&p.Author, "id = ?", id) // want `\(\*gorm.DB\).Take runs once per element of byID`
	}
}

// Raw builds; Scan runs.
func RawPerElement(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		var n int
		db.Raw("SELECT count(*) FROM likes WHERE post_id = ?", p.ID).Scan(&n) // want `\(\*gorm.DB\).Scan runs once per element of posts`
	}
}

// Values stored into a struct flow into the query through memory.
func ByExample(db *gorm.DB, posts []Post) {
	for _, p := range posts {
		probe := Author{}
		probe.ID = p.AuthorID
		db.First(&probe) // want `\(\*gorm.DB\).First runs once per element of posts`
	}
}

func published(db *gorm.DB) []Post { // want published:"runs \\(\\*gorm.DB\\).Find \\[params 0\\]"
	var posts []Post
	db.Where("published").Find(&posts)
	return posts
}

// The collection is the result of a call that runs a query.
func RangeOverCall(db *gorm.DB) { // want RangeOverCall:"runs \\(\\*gorm.DB\\).Find via basic.published"
	for _, p := range published(db) {
		db.First(&Author{}, p.AuthorID) // want `runs once per element of published\(db\) \(loop at reads.go:103; published\(db\) from basic.published at reads.go:103\)`
	}
}

type page struct {
	Items []Post
	Total int64
}

// The collection is a field filled by the query.
func FieldCollection(db *gorm.DB) page { // want FieldCollection:"runs \\(\\*gorm.DB\\).Count"
	var resp page
	db.Model(&Post{}).Count(&resp.Total)
	db.Limit(20).Find(&resp.Items)
	for _, p := range resp.Items {
		db.Model(&p).Association("Comments").Find(&p.Comments) // want `runs once per element of resp.Items \(loop at reads.go:118; resp.Items from \(\*gorm.DB\).Find at reads.go:117\)`
	}
	return resp
}

// The collection is a field of a record the query loaded (preloaded with it).
func ReviewsOfPost(db *gorm.DB, id uint) (*Post, error) { // want ReviewsOfPost:"runs \\(\\*gorm.DB\\).First"
	var post Post
	if err := db.Preload("Comments").First(&post, id).Error; err != nil {
		return nil, err
	}
	for i := range post.Comments {
		db.Model(&post.Comments[i]).Update("read", true) // want `runs once per element of post.Comments \(loop at reads.go:130; post.Comments from \(\*gorm.DB\).First at reads.go:127\)`
	}
	return &post, nil
}

// A pointer to the collection, filled through the pointer.
func ThroughPointer(db *gorm.DB, out *[]Post) { // want ThroughPointer:"runs \\(\\*gorm.DB\\).Find"
	db.Find(out)
	for _, p := range *out {
		db.First(&Author{}, p.AuthorID) // want `once per element of \*out \(loop at reads.go:139; \*out from \(\*gorm.DB\).Find at reads.go:138\)`
	}
}
