package basic

import (
	"context"
	"fmt"
	"os"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// QueueAll queues a statement per post and sends them once: the fix, no
// N+1. Reading the results per post sends nothing.
func QueueAll(ctx context.Context, conn *pgx.Conn, posts []Post) error { // want QueueAll:"runs \\(\\*pgx\\.Conn\\)\\.SendBatch \\[params 1,2\\]"
	b := &pgx.Batch{}
	for _, p := range posts {
		b.Queue("UPDATE posts SET read = true WHERE id = $1", p.ID)
	}
	br := conn.SendBatch(ctx, b)
	defer br.Close()
	for range posts {
		if _, err := br.Exec(); err != nil {
			return err
		}
	}
	return nil
}

// ReadBatch reads each queued query's row from the results.
func ReadBatch(ctx context.Context, pool *pgxpool.Pool, ids []int64) ([]string, error) { // want ReadBatch:"runs \\(\\*pgxpool\\.Pool\\)\\.SendBatch \\[params 1,2\\]"
	b := &pgx.Batch{}
	for _, id := range ids {
		b.Queue("SELECT title FROM posts WHERE id = $1", id)
	}
	br := pool.SendBatch(ctx, b)
	defer br.Close()
	out := make([]string, len(ids))
	for i := range ids {
		if err := br.QueryRow().Scan(&out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// TitlesAtOnce collects the keys and runs one = ANY($1) query after the loop.
func TitlesAtOnce(ctx context.Context, pool *pgxpool.Pool, posts []Post) ([]string, error) { // want TitlesAtOnce:"runs \\(\\*pgxpool\\.Pool\\)\\.Query \\[params 1,2\\]"
	ids := make([]int64, 0, len(posts))
	for _, p := range posts {
		ids = append(ids, p.ID)
	}
	rows, err := pool.Query(ctx, "SELECT title FROM posts WHERE id = ANY($1)", ids)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// CopyAll copies every post in one CopyFrom.
func CopyAll(ctx context.Context, conn *pgx.Conn, posts []Post) (int64, error) { // want CopyAll:"runs \\(\\*pgx\\.Conn\\)\\.CopyFrom \\[params 1,2\\]"
	return conn.CopyFrom(ctx, pgx.Identifier{"posts"}, []string{"id", "title"},
		pgx.CopyFromSlice(len(posts), func(i int) ([]any, error) {
			return []any{posts[i].ID, posts[i].Title}, nil
		}))
}

// Chunks writes one statement per chunk of ids.
func Chunks(ctx context.Context, pool *pgxpool.Pool, ids []int64) error { // want Chunks:"runs \\(\\*pgxpool\\.Pool\\)\\.Exec \\[params 1,2\\]"
	for i := 0; i < len(ids); i += 100 {
		j := min(i+100, len(ids))
		if _, err := pool.Exec(ctx, "DELETE FROM posts WHERE id = ANY($1)", ids[i:j]); err != nil {
			return err
		}
	}
	return nil
}

// Schema runs DDL per table and a constant script per literal statement.
func Schema(ctx context.Context, conn *pgx.Conn, tables []string) error { // want Schema:"runs \\(\\*pgx\\.Conn\\)\\.Exec \\[params 1\\]"
	for _, stmt := range []string{"CREATE TABLE a (id int)", "CREATE TABLE b (id int)"} {
		if _, err := conn.Exec(ctx, stmt); err != nil {
			return err
		}
	}
	for _, t := range tables {
		if _, err := conn.Exec(ctx, "TRUNCATE "+pgx.Identifier{t}.Sanitize()); err != nil {
			return err
		}
		if _, err := conn.Exec(ctx, fmt.Sprintf("ANALYZE %s", t)); err != nil {
			return err
		}
	}
	return nil
}

// Settings applies one SET per setting.
func Settings(ctx context.Context, conn *pgx.Conn, settings map[string]string) error { // want Settings:"runs \\(\\*pgx\\.Conn\\)\\.Exec \\[params none\\]"
	for k, v := range settings {
		if _, err := conn.Exec(ctx, fmt.Sprintf("SET %s = '%s'", k, v)); err != nil {
			return err
		}
	}
	return nil
}

// Migrate applies a list of migration files, each its own script.
func Migrate(ctx context.Context, pool *pgxpool.Pool, files []string) error { // want Migrate:"runs \\(\\*pgxpool\\.Pool\\)\\.Exec \\[params 1\\]"
	for _, f := range files {
		script, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		if _, err := pool.Exec(ctx, string(script)); err != nil {
			return err
		}
	}
	return nil
}

// FirstTitle leaves the loop after its first query: it runs once.
func FirstTitle(ctx context.Context, conn *pgx.Conn, ids []int64) string { // want FirstTitle:"runs \\(\\*pgx\\.Conn\\)\\.QueryRow \\[params 1,2\\]"
	for _, id := range ids {
		var t string
		_ = conn.QueryRow(ctx, "SELECT title FROM posts WHERE id = $1", id).Scan(&t)
		return t
	}
	return ""
}

// PerPool fans out over pools (shards): no N+1.
func PerPool(ctx context.Context, pools []*pgxpool.Pool) int { // want PerPool:"runs \\(\\*pgxpool\\.Pool\\)\\.QueryRow \\[params 1\\]"
	n := 0
	for _, p := range pools {
		var c int
		_ = p.QueryRow(ctx, "SELECT count(*) FROM posts").Scan(&c)
		n += c
	}
	return n
}

// PerConn pings each connection of a literal list.
func PerConn(ctx context.Context, a, b *pgx.Conn) { // want PerConn:"runs \\(\\*pgx\\.Conn\\)\\.Exec \\[params 1,2\\]"
	for _, c := range []*pgx.Conn{a, b} {
		_, _ = c.Exec(ctx, "SELECT 1")
	}
}

// Retries retries a statement a constant number of times.
func Retries(ctx context.Context, pool *pgxpool.Pool, id int64) error { // want Retries:"runs \\(\\*pgxpool\\.Pool\\)\\.Exec \\[params 1,2\\]"
	var err error
	for range 3 {
		if _, err = pool.Exec(ctx, "UPDATE posts SET read = true WHERE id = $1", id); err == nil {
			return nil
		}
	}
	return err
}

// MigrateRecorded applies each migration file in a transaction of its
// own and records its version: a script runner, once per file.
func MigrateRecorded(ctx context.Context, pool *pgxpool.Pool, files []string) error { // want MigrateRecorded:"runs \\(pgx\\.Tx\\)\\.Exec \\[params 1\\] \\[script 2\\]"
	for _, f := range files {
		script, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		tx, err := pool.Begin(ctx)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, string(script)); err != nil {
			_ = tx.Rollback(ctx)
			return err
		}
		if _, err := tx.Exec(ctx, "INSERT INTO schema_migrations (version) VALUES ($1)", f); err != nil {
			_ = tx.Rollback(ctx)
			return err
		}
		if err := tx.Commit(ctx); err != nil {
			return err
		}
	}
	return nil
}
