// Command gen writes the packages of a layered GORM application of n
// domains for the scale benchmark (bench/scale.sh). Each domain has a
// repository interface and implementation, a service and an HTTP handler;
// each service holds exactly two N+1s (a read through the repository
// interface, a write per item) among clean loops, so a run must report 2n
// diagnostics. With -one, every domain goes into one package, app, with
// its names prefixed by the domain (D03Item, d03repo): the shape of a large
// service package, for measuring how the cost grows with one package.
// With -split, each domain also declares a LabelStore interface that a
// package of its own, DOMAIN/pg, implements with GORM and the command
// wires in: a third N+1 per domain, through an implementation the domain
// never imports, which only the standalone run resolves (3n diagnostics).
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

func main() {
	n := flag.Int("n", 32, "number of domains")
	out := flag.String("o", "", "output directory (required); its go.mod must name module example.com/scale")
	one := flag.Bool("one", false, "put every domain into one package, app")
	files := flag.Int("files", 0, "with -one: split the package into this many files (0: four per domain)")
	split := flag.Bool("split", false, "add per domain an interface implemented in another package (not with -one)")
	flag.Parse()
	if *split && *one {
		log.Fatal("gen: -split and -one do not go together")
	}
	if *out == "" {
		log.Fatal("gen: -o is required")
	}
	write(*out, "textutil/textutil.go", textutil)
	parts := []struct{ name, text string }{
		{"model.go", model}, {"repository.go", repository}, {"service.go", service}, {"handler.go", handler},
	}
	var imports, routes []string
	merged := make([]*strings.Builder, *files)
	mergedImports := map[string]bool{}
	for i := range *n {
		d := fmt.Sprintf("d%02d", i)
		r := strings.NewReplacer("DOMAIN", d)
		dir, pkg, rename := d+"/", d, func(s string) string { return s }
		if *one {
			dir, pkg = "app/"+d+"_", "app"
			rename = func(s string) string { return prefixNames(s, d) }
		}
		for _, f := range parts {
			text := r.Replace(rename(strings.Replace(f.text, "package DOMAIN", "package "+pkg, 1)))
			if !*one || *files <= 0 {
				write(*out, dir+f.name, text)
				continue
			}
			k := i * *files / *n
			if merged[k] == nil {
				merged[k] = &strings.Builder{}
			}
			header, body := splitHeader(text)
			for _, imp := range importPath.FindAllString(header, -1) {
				mergedImports[imp] = true
			}
			merged[k].WriteString(body)
		}
		if !*one {
			imports = append(imports, fmt.Sprintf("\t%q", "example.com/scale/"+d))
		}
		routes = append(routes, fmt.Sprintf("\t%s.%s(mux, db)", pkg, rename("Register")))
		if *split {
			write(*out, d+"/labels.go", r.Replace(labels))
			write(*out, d+"/pg/pg.go", r.Replace(labelsImpl))
			imports = append(imports, fmt.Sprintf("\t%spg %q", d, "example.com/scale/"+d+"/pg"))
			routes = append(routes, fmt.Sprintf("\t%s.Labels = %spg.New(db)", d, d))
		}
	}
	var importLines []string
	for imp := range mergedImports {
		importLines = append(importLines, "\t"+imp)
	}
	slices.Sort(importLines)
	for k, b := range merged {
		if b != nil {
			text := "package app\n\nimport (\n" + strings.Join(importLines, "\n") + "\n)\n" + b.String()
			write(*out, fmt.Sprintf("app/part%02d.go", k), text)
		}
	}
	if *one {
		imports = []string{fmt.Sprintf("\t%q", "example.com/scale/app")}
	}
	write(*out, "cmd/server/main.go", fmt.Sprintf(mainFile, strings.Join(imports, "\n"), strings.Join(routes, "\n")))
}

var importPath = regexp.MustCompile(`"[^"]+"`)

// splitHeader splits a Go file of the templates into its package clause
// and imports, and the declarations after them.
func splitHeader(text string) (header, body string) {
	if i := strings.Index(text, "\n)\n"); i >= 0 && strings.Contains(text[:i], "import (") {
		return text[:i+3], text[i+3:]
	}
	i := strings.Index(text, "import ")
	j := i + strings.Index(text[i:], "\n")
	return text[:j+1], text[j+1:]
}

// declared are the names a domain declares at package level, and the
// repository field that holds its implementation.
var declared = regexp.MustCompile(`\b(Owner|Item|Child|Repository|NewRepository|repo|Service|Register)\b`)

// prefixNames gives a domain's declared names the domain as prefix (d03:
// D03Item, d03repo), so that many domains can share one package.
func prefixNames(text, d string) string {
	return declared.ReplaceAllStringFunc(text, func(name string) string {
		if name[0] >= 'a' && name[0] <= 'z' {
			return d + name
		}
		return strings.ToUpper(d[:1]) + d[1:] + name
	})
}

func write(dir, name, text string) {
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		log.Fatal(err)
	}
}

const textutil = `package textutil

import "strings"

// Title upper-cases the first letter of each word.
func Title(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}
`

const model = `package DOMAIN

import "gorm.io/gorm"

type Owner struct {
	gorm.Model
	Name string
}

type Item struct {
	gorm.Model
	Title    string
	OwnerID  uint
	Owner    Owner
	Children []Child
}

type Child struct {
	gorm.Model
	ItemID uint
	Note   string
}
`

const repository = `package DOMAIN

import (
	"context"

	"gorm.io/gorm"
)

type Repository interface {
	List(ctx context.Context) ([]Item, error)
	Owner(ctx context.Context, id uint) (*Owner, error)
	OwnersByID(ctx context.Context, ids []uint) (map[uint]Owner, error)
	Save(ctx context.Context, it *Item) error
}

type repo struct{ db *gorm.DB }

func NewRepository(db *gorm.DB) Repository { return &repo{db: db} }

func (r *repo) List(ctx context.Context) ([]Item, error) {
	var items []Item
	err := r.db.WithContext(ctx).Order("id").Limit(100).Find(&items).Error
	return items, err
}

func (r *repo) Owner(ctx context.Context, id uint) (*Owner, error) {
	var o Owner
	err := r.db.WithContext(ctx).First(&o, id).Error
	return &o, err
}

func (r *repo) OwnersByID(ctx context.Context, ids []uint) (map[uint]Owner, error) {
	var owners []Owner
	if err := r.db.WithContext(ctx).Where("id IN ?", ids).Find(&owners).Error; err != nil {
		return nil, err
	}
	out := make(map[uint]Owner, len(owners))
	for _, o := range owners {
		out[o.ID] = o
	}
	return out, nil
}

func (r *repo) Save(ctx context.Context, it *Item) error {
	return r.db.WithContext(ctx).Save(it).Error
}
`

const service = `package DOMAIN

import (
	"context"

	"gorm.io/gorm"

	"example.com/scale/textutil"
)

type Service struct {
	db   *gorm.DB
	repo Repository
}

// OwnerNames: one query per item, through the repository interface.
func (s *Service) OwnerNames(ctx context.Context) ([]string, error) {
	items, err := s.repo.List(ctx)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, it := range items {
		o, err := s.repo.Owner(ctx, it.OwnerID)
		if err != nil {
			return nil, err
		}
		names = append(names, o.Name)
	}
	return names, nil
}

// OwnerNamesBatched: the fixed form, keys collected then one query.
func (s *Service) OwnerNamesBatched(ctx context.Context) ([]string, error) {
	items, err := s.repo.List(ctx)
	if err != nil {
		return nil, err
	}
	ids := make([]uint, 0, len(items))
	for _, it := range items {
		ids = append(ids, it.OwnerID)
	}
	owners, err := s.repo.OwnersByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(items))
	for _, it := range items {
		names = append(names, textutil.Title(owners[it.OwnerID].Name))
	}
	return names, nil
}

// Retitle: one write per item.
func (s *Service) Retitle(ctx context.Context, items []Item) error {
	for i := range items {
		items[i].Title = textutil.Title(items[i].Title)
		if err := s.repo.Save(ctx, &items[i]); err != nil {
			return err
		}
	}
	return nil
}

// WithChildren eager-loads, then only reads.
func (s *Service) WithChildren(ctx context.Context) (map[uint]int, error) {
	var items []Item
	if err := s.db.WithContext(ctx).Preload("Children").Preload("Owner").Find(&items).Error; err != nil {
		return nil, err
	}
	counts := map[uint]int{}
	for _, it := range items {
		counts[it.ID] = len(it.Children)
	}
	return counts, nil
}
`

const labels = `package DOMAIN

import "context"

// LabelStore is implemented in package pg, which this package never imports.
type LabelStore interface {
	Label(ctx context.Context, itemID uint) (string, error)
}

// Labels is set by the command.
var Labels LabelStore

// ItemLabels: one query per item, through an implementation in another package.
func ItemLabels(ctx context.Context, items []Item) []string {
	var out []string
	for _, it := range items {
		l, _ := Labels.Label(ctx, it.ID)
		out = append(out, l)
	}
	return out
}
`

const labelsImpl = `package pg

import (
	"context"

	"gorm.io/gorm"

	"example.com/scale/DOMAIN"
)

type Labels struct{ db *gorm.DB }

func New(db *gorm.DB) *Labels { return &Labels{db: db} }

func (l *Labels) Label(ctx context.Context, itemID uint) (string, error) {
	var it DOMAIN.Item
	err := l.db.WithContext(ctx).First(&it, itemID).Error
	return it.Title, err
}
`

const handler = `package DOMAIN

import (
	"encoding/json"
	"net/http"

	"gorm.io/gorm"
)

func Register(mux *http.ServeMux, db *gorm.DB) {
	svc := &Service{db: db, repo: NewRepository(db)}
	mux.HandleFunc("GET /DOMAIN/owners", func(w http.ResponseWriter, r *http.Request) {
		names, err := svc.OwnerNamesBatched(r.Context())
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		json.NewEncoder(w).Encode(names)
	})
}
`

const mainFile = `package main

import (
	"net/http"

	"gorm.io/gorm"

%s
)

func main() {
	var db *gorm.DB
	mux := http.NewServeMux()
%s
	http.ListenAndServe(":8080", mux)
}
`
