-- name: GetAuthor :one
SELECT * FROM authors WHERE id = $1;

-- name: ListPosts :many
SELECT * FROM posts ORDER BY id;
