package editor

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"unicode/utf8"
)

// The subset of LSP types the client uses.

// Position is a zero-based line and UTF-16 column.
type Position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

// Range is a half-open span of a document.
type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

// Location is a range of a document.
type Location struct {
	URI   string `json:"uri"`
	Range Range  `json:"range"`
}

// Diagnostic is a published diagnostic. Raw keeps it as the server sent
// it, to hand back in a code action request.
type Diagnostic struct {
	Range           Range  `json:"range"`
	Severity        int    `json:"severity"`
	Code            string `json:"code"`
	CodeDescription *struct {
		Href string `json:"href"`
	} `json:"codeDescription"`
	Source             string `json:"source"`
	Message            string `json:"message"`
	RelatedInformation []struct {
		Location Location `json:"location"`
		Message  string   `json:"message"`
	} `json:"relatedInformation"`
	Raw json.RawMessage `json:"-"`
}

// Publish is one textDocument/publishDiagnostics notification.
type Publish struct {
	URI         string
	Version     int
	Diagnostics []Diagnostic
}

func decodePublish(params json.RawMessage) (Publish, error) {
	var p struct {
		URI         string            `json:"uri"`
		Version     int               `json:"version"`
		Diagnostics []json.RawMessage `json:"diagnostics"`
	}
	if err := json.Unmarshal(params, &p); err != nil {
		return Publish{}, err
	}
	out := Publish{URI: p.URI, Version: p.Version}
	for _, raw := range p.Diagnostics {
		var d Diagnostic
		if err := json.Unmarshal(raw, &d); err != nil {
			return Publish{}, err
		}
		d.Raw = raw
		out.Diagnostics = append(out.Diagnostics, d)
	}
	return out, nil
}

// CodeAction is a code action.
type CodeAction struct {
	Title string         `json:"title"`
	Kind  string         `json:"kind"`
	Edit  *WorkspaceEdit `json:"edit"`
	Data  any            `json:"data"`
	// Raw is the action as first sent; Lazy says its edit came from
	// codeAction/resolve.
	Raw  json.RawMessage `json:"-"`
	Lazy bool            `json:"-"`
}

// WorkspaceEdit holds the edits of a code action, in either form.
type WorkspaceEdit struct {
	Changes         map[string][]TextEdit `json:"changes"`
	DocumentChanges []struct {
		TextDocument struct {
			URI string `json:"uri"`
		} `json:"textDocument"`
		Edits []TextEdit `json:"edits"`
	} `json:"documentChanges"`
}

// Files returns the edits of w by document URI.
func (w *WorkspaceEdit) Files() map[string][]TextEdit {
	out := map[string][]TextEdit{}
	for uri, edits := range w.Changes {
		out[uri] = append(out[uri], edits...)
	}
	for _, dc := range w.DocumentChanges {
		out[dc.TextDocument.URI] = append(out[dc.TextDocument.URI], dc.Edits...)
	}
	return out
}

// TextEdit replaces a range with new text.
type TextEdit struct {
	Range   Range  `json:"range"`
	NewText string `json:"newText"`
}

// ApplyEdits applies non-overlapping edits to text.
func ApplyEdits(text []byte, edits []TextEdit) ([]byte, error) {
	type span struct {
		start, end int
		text       string
	}
	var spans []span
	for _, e := range edits {
		start, err := offset(text, e.Range.Start)
		if err != nil {
			return nil, err
		}
		end, err := offset(text, e.Range.End)
		if err != nil {
			return nil, err
		}
		if end < start {
			return nil, fmt.Errorf("edit ends before it starts: %+v", e.Range)
		}
		spans = append(spans, span{start, end, e.NewText})
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var out []byte
	last := 0
	for _, s := range spans {
		if s.start < last {
			return nil, fmt.Errorf("overlapping edits at byte %d", s.start)
		}
		out = append(out, text[last:s.start]...)
		out = append(out, s.text...)
		last = s.end
	}
	return append(out, text[last:]...), nil
}

// offset converts a position (UTF-16 columns, LSP's default encoding) to
// a byte offset of text.
func offset(text []byte, p Position) (int, error) {
	i := 0
	for line := 0; line < p.Line; line++ {
		nl := bytes.IndexByte(text[i:], '\n')
		if nl < 0 {
			return 0, fmt.Errorf("line %d beyond the end of the file", p.Line+1)
		}
		i += nl + 1
	}
	for col := 0; col < p.Character; {
		if i >= len(text) || text[i] == '\n' {
			return 0, fmt.Errorf("column %d beyond the end of line %d", p.Character, p.Line+1)
		}
		r, size := utf8.DecodeRune(text[i:])
		i += size
		col++
		if r >= 0x10000 {
			col++ // a surrogate pair in UTF-16
		}
		if col > p.Character {
			return 0, fmt.Errorf("column %d of line %d is inside a character", p.Character, p.Line+1)
		}
	}
	return i, nil
}
