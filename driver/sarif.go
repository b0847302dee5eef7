package driver

import (
	"encoding/json"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"

	"github.com/nplusonelint/nplusonelint/rules"
)

// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), the
// subset GitHub code scanning and other viewers read: the rules with their
// documentation, the results with their locations, related locations and
// fixes, and the load errors as notifications.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                   `json:"tool"`
		Invocations        []sarifInvocation           `json:"invocations"`
		OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
		Results            []sarifResult               `json:"results"`
		ColumnKind         string                      `json:"columnKind"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string       `json:"id"`
		ShortDescription     sarifMessage `json:"shortDescription"`
		FullDescription      sarifMessage `json:"fullDescription"`
		HelpURI              string       `json:"helpUri"`
		Help                 sarifMessage `json:"help"`
		DefaultConfiguration struct {
			Level string `json:"level"`
		} `json:"defaultConfiguration"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifInvocation struct {
		ExecutionSuccessful bool                `json:"executionSuccessful"`
		Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level   string       `json:"level"`
		Message sarifMessage `json:"message"`
	}
	sarifResult struct {
		RuleID           string          `json:"ruleId"`
		RuleIndex        int             `json:"ruleIndex"`
		Level            string          `json:"level"`
		Message          sarifMessage    `json:"message"`
		Locations        []sarifLocation `json:"locations"`
		RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
		Fixes            []sarifFix      `json:"fixes,omitempty"`
	}
	sarifLocation struct {
		ID               *int                  `json:"id,omitempty"`
		PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
		Message          *sarifMessage         `json:"message,omitempty"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
		Region           sarifRegion      `json:"region"`
	}
	sarifArtifactLoc struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int  `json:"startLine,omitempty"`
		StartColumn int  `json:"startColumn,omitempty"`
		EndLine     int  `json:"endLine,omitempty"`
		EndColumn   int  `json:"endColumn,omitempty"`
		ByteOffset  *int `json:"byteOffset,omitempty"`
		ByteLength  *int `json:"byteLength,omitempty"`
	}
	sarifFix struct {
		Description     sarifMessage          `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifactLoc   `json:"artifactLocation"`
		Replacements     []sarifReplacement `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion   `json:"deletedRegion"`
		InsertedContent *sarifMessage `json:"insertedContent,omitempty"`
	}
)

// srcRoot names the directory the run started in: result paths are
// relative to it, as code scanning wants paths relative to the checkout.
const srcRoot = "%SRCROOT%"

// printSARIF writes diags and the load errors as one SARIF log.
func printSARIF(w io.Writer, diags []diagnostic, loadErrs []string, ok bool) error {
	s := newSARIFWriter()
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "nplusonelint",
			Version:        strings.TrimPrefix(VersionString(), "nplusonelint "),
			InformationURI: "https://github.com/nplusonelint/nplusonelint",
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: ok}},
		Results:     []sarifResult{},
		ColumnKind:  "utf16CodeUnits",
	}
	index := map[string]int{}
	for i, r := range rules.Catalog {
		index[r.ID] = i
		rule := sarifRule{
			ID:               r.ID,
			ShortDescription: sarifMessage{r.Title},
			FullDescription:  sarifMessage{r.Text},
			HelpURI:          rules.RuleURL(r.ID),
			Help:             sarifMessage{r.Text + " See " + rules.RuleURL(r.ID)},
		}
		rule.DefaultConfiguration.Level = level(r.Severity)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, rule)
	}
	for _, line := range loadErrs {
		run.Invocations[0].Notifications = append(run.Invocations[0].Notifications, sarifNotification{Level: "error", Message: sarifMessage{line}})
	}
	for _, d := range diags {
		fset := d.act.Package.Fset
		res := sarifResult{
			RuleID:    d.Category,
			RuleIndex: -1,
			Level:     "warning",
			Message:   sarifMessage{d.Message},
			Locations: []sarifLocation{{PhysicalLocation: s.location(fset, d.Pos, d.End)}},
		}
		if i, known := index[d.Category]; known {
			res.RuleIndex, res.Level = i, level(rules.Catalog[i].Severity)
		}
		for i, r := range d.Related {
			id := i + 1
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				ID:               &id,
				PhysicalLocation: s.location(fset, r.Pos, r.End),
				Message:          &sarifMessage{r.Message},
			})
		}
		for _, f := range d.SuggestedFixes {
			res.Fixes = append(res.Fixes, s.fix(fset, f.Message, f.TextEdits))
		}
		run.Results = append(run.Results, res)
	}
	if s.dir != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{srcRoot: {URI: fileURI(s.dir) + "/"}}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
}

// level maps a rule's severity to a SARIF level.
func level(severity string) string {
	if severity == "error" {
		return "error"
	}
	return "warning"
}

// sarifWriter converts positions, reading each file once for the UTF-16
// columns SARIF counts in.
type sarifWriter struct {
	dir   string            // the working directory, "" if unknown
	files map[string][]byte // file contents, nil when unreadable
}

func newSARIFWriter() *sarifWriter {
	dir, _ := os.Getwd()
	return &sarifWriter{dir: dir, files: map[string][]byte{}}
}

// artifact names a file relative to the working directory when it is
// below it, else by its absolute file URI.
func (s *sarifWriter) artifact(filename string) sarifArtifactLoc {
	if s.dir != "" {
		if rel, err := filepath.Rel(s.dir, filename); err == nil && filepath.IsLocal(rel) {
			return sarifArtifactLoc{URI: (&url.URL{Path: filepath.ToSlash(rel)}).String(), URIBaseID: srcRoot}
		}
	}
	return sarifArtifactLoc{URI: fileURI(filename)}
}

func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// location is the region from pos to end (end may be invalid).
func (s *sarifWriter) location(fset *token.FileSet, pos, end token.Pos) sarifPhysicalLocation {
	p := fset.Position(pos)
	r := sarifRegion{StartLine: p.Line, StartColumn: s.column(p)}
	if end.IsValid() && end > pos {
		e := fset.Position(end)
		r.EndLine, r.EndColumn = e.Line, s.column(e)
	}
	return sarifPhysicalLocation{ArtifactLocation: s.artifact(p.Filename), Region: r}
}

// column converts p's byte column to UTF-16 code units, 1-based.
func (s *sarifWriter) column(p token.Position) int {
	src, ok := s.files[p.Filename]
	if !ok {
		src, _ = os.ReadFile(p.Filename)
		s.files[p.Filename] = src
	}
	start := p.Offset - (p.Column - 1)
	if src == nil || start < 0 || p.Offset > len(src) {
		return p.Column
	}
	col := 1
	for b := src[start:p.Offset]; len(b) > 0; {
		r, n := utf8.DecodeRune(b)
		col += len(utf16.Encode([]rune{r}))
		b = b[n:]
	}
	return col
}

// fix is a suggested fix as replacements of byte ranges, per file.
func (s *sarifWriter) fix(fset *token.FileSet, msg string, edits []analysis.TextEdit) sarifFix {
	f := sarifFix{Description: sarifMessage{msg}, ArtifactChanges: []sarifArtifactChange{}}
	byFile := map[string]int{}
	for _, e := range edits {
		start := fset.Position(e.Pos)
		end := start.Offset
		if e.End.IsValid() {
			end = fset.Position(e.End).Offset
		}
		i, seen := byFile[start.Filename]
		if !seen {
			i = len(f.ArtifactChanges)
			byFile[start.Filename] = i
			f.ArtifactChanges = append(f.ArtifactChanges, sarifArtifactChange{ArtifactLocation: s.artifact(start.Filename)})
		}
		off, n := start.Offset, end-start.Offset
		rep := sarifReplacement{DeletedRegion: sarifRegion{ByteOffset: &off, ByteLength: &n}}
		if len(e.NewText) > 0 {
			rep.InsertedContent = &sarifMessage{string(e.NewText)}
		}
		f.ArtifactChanges[i].Replacements = append(f.ArtifactChanges[i].Replacements, rep)
	}
	return f
}
