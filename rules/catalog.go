package rules

import (
	"fmt"
	"strings"
)

// RuleDoc is the documentation of one rule: the single source from which
// nplusonelint -help, Diagnostic.URL and docs/rules.md are made.
type RuleDoc struct {
	ID       string // the Diagnostic.Category
	Title    string // one line
	Severity string // "warning", or "error" for failures of the tool itself
	Text     string // what is reported, and what is not
	Bad      string // an example that is reported
	Good     string // the same code without the N+1
}

// DocsURL is where the rules are documented; RuleURL adds each rule's anchor.
const DocsURL = "https://github.com/nplusonelint/nplusonelint/blob/main/docs/rules.md"

// RuleURL returns the documentation address of a rule.
func RuleURL(id string) string { return DocsURL + "#" + id }

// suppress says how to silence any rule; it is the same for all.
const suppress = "`//nplusone:ignore <reason>` on the reported line or the line above (the reason is required); `//nolint:nplusone` under golangci-lint."

// Catalog lists every rule, in the order they are documented.
var Catalog = []RuleDoc{
	{
		ID:       Read.Rule(),
		Title:    "a SELECT per element of a collection",
		Severity: "warning",
		Text:     "A query that reads rows (GORM First/Find/Scan, an association's Find, database/sql Query/QueryRow, a declared read) runs once per element of a collection and depends on the element.",
		Bad:      "db.Find(&posts)\nfor _, p := range posts {\n\tdb.First(&p.Author, p.AuthorID)\n}",
		Good:     "db.Preload(\"Author\").Find(&posts)",
	},
	{
		ID:       Write.Rule(),
		Title:    "an INSERT, UPDATE or DELETE per element",
		Severity: "warning",
		Text:     "A write through a model API (GORM Create/Save/Update/Delete, association Append/Replace/Delete/Clear) runs once per element and depends on it.",
		Bad:      "for _, u := range users {\n\tdb.Create(&Log{UserID: u.ID})\n}",
		Good:     "logs := make([]Log, 0, len(users))\nfor _, u := range users {\n\tlogs = append(logs, Log{UserID: u.ID})\n}\ndb.CreateInBatches(&logs, 100)",
	},
	{
		ID:       Count.Rule(),
		Title:    "a COUNT per element",
		Severity: "warning",
		Text:     "A count query runs once per element and depends on it (Django's annotate(Count) is the cure).",
		Bad:      "for _, p := range posts {\n\tdb.Model(&Comment{}).Where(\"post_id = ?\", p.ID).Count(&n)\n}",
		Good:     "db.Model(&Comment{}).Select(\"post_id, count(*)\").Where(\"post_id IN ?\", ids).Group(\"post_id\").Scan(&counts)",
	},
	{
		ID:       Exec.Rule(),
		Title:    "a raw statement per element",
		Severity: "warning",
		Text:     "A raw statement (GORM Exec, database/sql Exec) runs once per element with the element's data. Not reported: constant DDL, and statements whose only per-element part is their SQL text (scripts, one statement per table), unless that text is built from a DML template.",
		Bad:      "for _, id := range ids {\n\tdb.Exec(\"UPDATE posts SET seen = true WHERE id = ?\", id)\n}",
		Good:     "db.Exec(\"UPDATE posts SET seen = true WHERE id IN ?\", ids)",
	},
	{
		ID:       "count-compared-to-zero",
		Title:    "a COUNT only compared with zero",
		Severity: "warning",
		Text:     "A count whose result is only compared with zero (n > 0, n == 0, …), in a loop or not: the database counts every matching row to say whether there is one.",
		Bad:      "var n int64\ndb.Model(&User{}).Where(\"email = ?\", e).Count(&n)\nif n > 0 { … }",
		Good:     "var n int64\ndb.Model(&User{}).Where(\"email = ?\", e).Select(\"1\").Limit(1).Find(&n)\nif n > 0 { … }",
	},
	{
		ID:       "ignore-without-reason",
		Title:    "an //nplusone:ignore directive without a reason",
		Severity: "warning",
		Text:     "A directive that gives no reason suppresses nothing and is itself reported.",
		Bad:      "//nplusone:ignore\ndb.First(&a, p.AuthorID)",
		Good:     "//nplusone:ignore at most three posts per page\ndb.First(&a, p.AuthorID)",
	},
	{
		ID:       "malformed-directive",
		Title:    "a comment that almost is an //nplusone:ignore directive",
		Severity: "warning",
		Text:     "A comment shaped like the directive but not it (`// nplusone:ignore` with a space, a misspelt name such as `//nplusone:ignroe`, `//nplusone ignore`, an unknown `//nplusone:` name) suppresses nothing and is reported, so that a typo never hides a finding or silently fails to.",
		Bad:      "// nplusone:ignore at most three posts per page\ndb.First(&a, p.AuthorID)",
		Good:     "//nplusone:ignore at most three posts per page\ndb.First(&a, p.AuthorID)",
	},
	{
		ID:       "unused-ignore",
		Title:    "an //nplusone:ignore directive that suppresses nothing",
		Severity: "warning",
		Text:     "A directive with a reason under which nothing is reported, on its line or the next (the code changed, or it never covered a finding), is reported so that it does not linger and hide a later N+1. Decided per package, after all of it is analyzed; not in generated or test files, nor in a package whose analysis hit an internal error.",
		Bad:      "for range posts {\n\t//nplusone:ignore the authors table is tiny\n\tdb.First(&a, 1) // does not depend on the post\n}",
		Good:     "for range posts {\n\tdb.First(&a, 1)\n}",
	},
	{
		ID:       "internal-error",
		Title:    "the analysis of a function failed",
		Severity: "error",
		Text:     "nplusonelint hit an internal error in one function or package and skipped it; the rest of the package is still analyzed. Please report it with the message.",
	},
}

// AnalyzerDoc is the analyzer's documentation: its title line, then one
// line per rule.
func AnalyzerDoc() string {
	var b strings.Builder
	b.WriteString("report queries run once per element of a collection (N+1 queries)\n\n")
	b.WriteString("A query-running call is reported when it runs once per iteration of a loop\n")
	b.WriteString("over a collection and depends on the element, whether called directly or\n")
	b.WriteString("through functions, closures, goroutines or callbacks. Rules:\n\n")
	for _, r := range Catalog {
		fmt.Fprintf(&b, "  %-24s %s\n", r.ID, r.Title)
	}
	b.WriteString("\nSuppress one with //nplusone:ignore <reason>. Documentation: " + DocsURL)
	return b.String()
}

// Markdown renders the catalog as docs/rules.md, with what each of libs
// fixes or advises under each rule.
func Markdown(libs []*Library) string {
	var b strings.Builder
	b.WriteString("# nplusonelint rules\n\n")
	b.WriteString("<!-- Generated from rules/catalog.go by `go test ./rules -run TestRulesDoc -update`; do not edit. -->\n\n")
	b.WriteString("Each diagnostic's `Category` is one of these IDs, and its `URL` points at its section here.\n\n")
	b.WriteString("| ID | severity | title |\n|---|---|---|\n")
	for _, r := range Catalog {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s |\n", r.ID, r.ID, r.Severity, r.Title)
	}
	for _, r := range Catalog {
		fmt.Fprintf(&b, "\n## %s\n\n%s.\n\n%s\n", r.ID, capitalize(r.Title), r.Text)
		if r.Bad != "" {
			fmt.Fprintf(&b, "\nReported:\n\n```go\n%s\n```\n", r.Bad)
		}
		if r.Good != "" {
			fmt.Fprintf(&b, "\nInstead:\n\n```go\n%s\n```\n", r.Good)
		}
		if r.Severity != "error" {
			b.WriteString("\nRemedies:\n\n")
			for _, lib := range libs {
				what := lib.RemedyDocs[r.ID]
				if what == "" {
					what = "no edit; the message says what to do, when it can"
				}
				fmt.Fprintf(&b, "- %s: %s\n", lib.Title, what)
			}
		}
		if r.Severity != "error" {
			fmt.Fprintf(&b, "\nSuppress: %s\n", suppress)
		}
	}
	return b.String()
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
