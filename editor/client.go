// Package editor drives a gopls binary over LSP on stdio the way an
// editor does, to test and time the nplusone analyzer compiled into gopls
// (scripts/build-gopls.sh).
package editor

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"time"
)

// Client is one gopls process and its LSP session.
type Client struct {
	cmd      *exec.Cmd
	stdin    io.WriteCloser
	settings map[string]any

	writeMu sync.Mutex

	mu          sync.Mutex
	nextID      int
	pending     map[string]chan *message
	publishes   []Timed // every publishDiagnostics, in arrival order
	progress    map[string]string
	loaded      bool // the initial workspace load has ended
	changed     chan struct{}
	readErr     error
	initialized bool
}

// Timed is a publishDiagnostics notification and when it arrived.
type Timed struct {
	Publish
	At time.Time
}

// Start runs gopls in dir (the workspace root) with the given gopls
// settings (e.g. {"analyses": {"nplusone": false}}), initializes the
// session and returns once the initial workspace load has finished. env
// is added to the process environment; stderr receives gopls' log.
func Start(ctx context.Context, gopls, dir string, settings map[string]any, env []string, stderr io.Writer) (*Client, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(gopls, "serve")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.Stderr = stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	c := &Client{
		cmd:      cmd,
		stdin:    stdin,
		settings: settings,
		pending:  map[string]chan *message{},
		progress: map[string]string{},
		changed:  make(chan struct{}),
	}
	go c.read(bufio.NewReader(stdout))

	root := URI(dir)
	params := map[string]any{
		"processId":             os.Getpid(),
		"rootUri":               root,
		"workspaceFolders":      []any{map[string]any{"uri": root, "name": filepath.Base(dir)}},
		"initializationOptions": settings,
		"capabilities": map[string]any{
			"workspace": map[string]any{
				"configuration":    true,
				"workspaceFolders": true,
				"workspaceEdit":    map[string]any{"documentChanges": true},
			},
			"window": map[string]any{"workDoneProgress": true},
			"textDocument": map[string]any{
				"synchronization": map[string]any{"didSave": true},
				"publishDiagnostics": map[string]any{
					"relatedInformation":     true,
					"versionSupport":         true,
					"codeDescriptionSupport": true,
					"dataSupport":            true,
				},
				"codeAction": map[string]any{
					"dataSupport":    true,
					"resolveSupport": map[string]any{"properties": []string{"edit"}},
					"codeActionLiteralSupport": map[string]any{
						"codeActionKind": map[string]any{"valueSet": []string{"quickfix", "refactor", "source"}},
					},
				},
			},
		},
	}
	if err := c.Call(ctx, "initialize", params, nil); err != nil {
		c.Close()
		return nil, fmt.Errorf("initialize: %v", err)
	}
	if err := c.Notify("initialized", map[string]any{}); err != nil {
		c.Close()
		return nil, err
	}
	c.mu.Lock()
	c.initialized = true
	c.mu.Unlock()
	if err := c.wait(ctx, func() bool { return c.loaded }); err != nil {
		c.Close()
		return nil, fmt.Errorf("waiting for the workspace load: %v", err)
	}
	return c, nil
}

// URI is the file URI of an absolute path.
func URI(path string) string { return "file://" + filepath.ToSlash(path) }

// Call sends a request and decodes its result into result (if non-nil).
func (c *Client) Call(ctx context.Context, method string, params, result any) error {
	c.mu.Lock()
	c.nextID++
	id := strconv.Itoa(c.nextID)
	ch := make(chan *message, 1)
	c.pending[id] = ch
	c.mu.Unlock()
	raw, err := json.Marshal(params)
	if err != nil {
		return err
	}
	rawID := json.RawMessage(id)
	if err := c.send(&message{ID: &rawID, Method: method, Params: raw}); err != nil {
		return err
	}
	select {
	case m := <-ch:
		if m == nil {
			return fmt.Errorf("%s: gopls exited: %v", method, c.readErr)
		}
		if m.Error != nil {
			return fmt.Errorf("%s: %v", method, m.Error)
		}
		if result != nil {
			return json.Unmarshal(m.Result, result)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%s: %v", method, ctx.Err())
	}
}

// Notify sends a notification.
func (c *Client) Notify(method string, params any) error {
	raw, err := json.Marshal(params)
	if err != nil {
		return err
	}
	return c.send(&message{Method: method, Params: raw})
}

func (c *Client) send(m *message) error {
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	return writeMessage(c.stdin, m)
}

// read dispatches the server's messages until its output ends.
func (c *Client) read(r *bufio.Reader) {
	for {
		m, err := readMessage(r)
		if err != nil {
			c.mu.Lock()
			c.readErr = err
			for id, ch := range c.pending {
				close(ch)
				delete(c.pending, id)
			}
			c.notifyLocked()
			c.mu.Unlock()
			return
		}
		switch {
		case m.ID != nil && m.Method == "": // a response
			c.mu.Lock()
			ch := c.pending[string(*m.ID)]
			delete(c.pending, string(*m.ID))
			c.mu.Unlock()
			if ch != nil {
				ch <- m
			}
		case m.ID != nil: // a request from the server
			go c.answer(m)
		default:
			c.handleNotification(m)
		}
	}
}

// answer replies to the server's requests as an editor would: settings
// for each configuration item, and an empty success for the rest
// (registrations, progress tokens, messages).
func (c *Client) answer(m *message) {
	var result any
	if m.Method == "workspace/configuration" {
		var p struct {
			Items []json.RawMessage `json:"items"`
		}
		_ = json.Unmarshal(m.Params, &p)
		items := make([]any, len(p.Items))
		for i := range items {
			items[i] = c.settings
		}
		result = items
	}
	raw, _ := json.Marshal(result)
	_ = c.send(&message{ID: m.ID, Result: raw})
}

func (c *Client) handleNotification(m *message) {
	now := time.Now()
	c.mu.Lock()
	defer c.mu.Unlock()
	switch m.Method {
	case "textDocument/publishDiagnostics":
		p, err := decodePublish(m.Params)
		if err == nil {
			c.publishes = append(c.publishes, Timed{p, now})
		}
	case "$/progress":
		var p struct {
			Token any `json:"token"`
			Value struct {
				Kind  string `json:"kind"`
				Title string `json:"title"`
			} `json:"value"`
		}
		if json.Unmarshal(m.Params, &p) != nil {
			return
		}
		token := fmt.Sprint(p.Token)
		switch p.Value.Kind {
		case "begin":
			c.progress[token] = p.Value.Title
		case "end":
			if c.progress[token] == "Setting up workspace" && c.initialized {
				c.loaded = true
			}
			delete(c.progress, token)
		}
	}
	c.notifyLocked()
}

func (c *Client) notifyLocked() {
	close(c.changed)
	c.changed = make(chan struct{})
}

// wait blocks until cond (called with c.mu held) holds, gopls exits or
// ctx is done.
func (c *Client) wait(ctx context.Context, cond func() bool) error {
	for {
		c.mu.Lock()
		ok, readErr, changed := cond(), c.readErr, c.changed
		c.mu.Unlock()
		if ok {
			return nil
		}
		if readErr != nil {
			return fmt.Errorf("gopls exited: %v", readErr)
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// WaitDiagnostics waits for a publishDiagnostics of uri at the given
// document version, arriving at or after since, whose diagnostics satisfy
// match, and returns it.
func (c *Client) WaitDiagnostics(ctx context.Context, uri string, version int, since time.Time, match func([]Diagnostic) bool) (Timed, error) {
	var found Timed
	err := c.wait(ctx, func() bool {
		for _, p := range c.publishes {
			if p.URI == uri && p.Version == version && !p.At.Before(since) && match(p.Diagnostics) {
				found = p
				return true
			}
		}
		return false
	})
	if err != nil {
		c.mu.Lock()
		var last []Diagnostic
		for _, p := range c.publishes {
			if p.URI == uri {
				last = p.Diagnostics
			}
		}
		c.mu.Unlock()
		return Timed{}, fmt.Errorf("no matching diagnostics for %s (version %d): %v; last published: %s", uri, version, err, summarize(last))
	}
	return found, nil
}

func summarize(diags []Diagnostic) string {
	var s string
	for _, d := range diags {
		s += fmt.Sprintf("\n\t%d:%d %s(%s): %s", d.Range.Start.Line+1, d.Range.Start.Character+1, d.Source, d.Code, d.Message)
	}
	if s == "" {
		return "none"
	}
	return s
}

// Publishes returns the publishDiagnostics notifications received so far.
func (c *Client) Publishes() []Timed {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]Timed(nil), c.publishes...)
}

// DidOpen opens a document with the given text at version 1.
func (c *Client) DidOpen(uri string, text []byte) error {
	return c.Notify("textDocument/didOpen", map[string]any{
		"textDocument": map[string]any{"uri": uri, "languageId": "go", "version": 1, "text": string(text)},
	})
}

// DidChangeAndSave replaces a document's text (as the new version) and
// saves it: the editor writes the file, then notifies the server.
func (c *Client) DidChangeAndSave(path string, version int, text []byte) error {
	uri := URI(path)
	if err := c.Notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": version},
		"contentChanges": []any{map[string]any{"text": string(text)}},
	}); err != nil {
		return err
	}
	if err := os.WriteFile(path, text, 0o644); err != nil {
		return err
	}
	return c.Notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": uri}})
}

// QuickFixes requests the quick fixes for diag in uri, resolving lazy ones
// so that each has its edit.
func (c *Client) QuickFixes(ctx context.Context, uri string, diag Diagnostic) ([]CodeAction, error) {
	var raws []json.RawMessage
	err := c.Call(ctx, "textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        diag.Range,
		"context": map[string]any{
			"diagnostics": []json.RawMessage{diag.Raw},
			"only":        []string{"quickfix"},
		},
	}, &raws)
	if err != nil {
		return nil, err
	}
	var out []CodeAction
	for _, raw := range raws {
		var a CodeAction
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, err
		}
		if a.Edit == nil && a.Data != nil {
			if err := c.Call(ctx, "codeAction/resolve", raw, &a); err != nil {
				return nil, err
			}
			a.Lazy = true
		}
		a.Raw = raw
		out = append(out, a)
	}
	return out, nil
}

// Close ends the session (shutdown, exit) and waits for gopls to exit.
func (c *Client) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := c.Call(ctx, "shutdown", nil, nil)
	if err == nil {
		err = c.Notify("exit", nil)
	}
	c.stdin.Close()
	done := make(chan error, 1)
	go func() { done <- c.cmd.Wait() }()
	select {
	case werr := <-done:
		if err == nil && werr != nil {
			err = werr
		}
	case <-time.After(10 * time.Second):
		c.cmd.Process.Kill()
		<-done
		err = fmt.Errorf("gopls did not exit after shutdown")
	}
	return err
}
