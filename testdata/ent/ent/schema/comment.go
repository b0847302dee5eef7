package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
)

// Comment belongs to a post.
type Comment struct{ ent.Schema }

// Fields of the Comment.
func (Comment) Fields() []ent.Field {
	return []ent.Field{field.String("body"), field.Bool("approved").Default(false)}
}

// Edges of the Comment.
func (Comment) Edges() []ent.Edge {
	return []ent.Edge{edge.From("post", Post.Type).Ref("comments").Unique()}
}
