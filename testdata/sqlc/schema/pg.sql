-- name: GetAuthor :one
SELECT * FROM authors WHERE id = $1;

-- name: ListPosts :many
SELECT * FROM posts ORDER BY id;

-- name: ListAuthorsByIDs :many
SELECT * FROM authors WHERE id = ANY($1::bigint[]);

-- name: CountPosts :one
SELECT count(*) FROM posts WHERE author_id = $1;

-- name: DeletePost :exec
DELETE FROM posts WHERE id = $1;

-- name: CreatePost :execrows
INSERT INTO posts (id, author_id, title) VALUES ($1, $2, $3);

-- name: CreatePosts :copyfrom
INSERT INTO posts (id, author_id, title) VALUES ($1, $2, $3);

-- name: MarkPosts :batchexec
UPDATE posts SET title = $2 WHERE id = $1;

-- name: GetAuthors :batchone
SELECT * FROM authors WHERE id = $1;

-- name: AddAuthor :one
INSERT INTO authors (id, name) VALUES ($1, $2) RETURNING *;
