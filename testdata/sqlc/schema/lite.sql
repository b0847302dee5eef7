-- name: GetAuthor :one
SELECT * FROM authors WHERE id = ?;

-- name: ListPosts :many
SELECT * FROM posts ORDER BY id;

-- name: ListAuthorsByIDs :many
SELECT * FROM authors WHERE id IN (sqlc.slice('ids'));

-- name: DeletePost :exec
DELETE FROM posts WHERE id = ?;

-- name: CreatePost :exec
INSERT INTO posts (id, author_id, title) VALUES (?, ?, ?);
