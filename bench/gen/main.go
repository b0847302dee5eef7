// Command gen writes the packages of a layered GORM application of n
// domains for the scale benchmark (bench/scale.sh). Each domain has a
// repository interface and implementation, a service and an HTTP handler;
// each service holds exactly two N+1s (a read through the repository
// interface, a write per item) among clean loops, so a run must report 2n
// diagnostics.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	n := flag.Int("n", 32, "number of domains")
	out := flag.String("o", "", "output directory (required); its go.mod must name module example.com/scale")
	flag.Parse()
	if *out == "" {
		log.Fatal("gen: -o is required")
	}
	write(*out, "textutil/textutil.go", textutil)
	var imports, routes []string
	for i := range *n {
		d := fmt.Sprintf("d%02d", i)
		r := strings.NewReplacer("DOMAIN", d)
		write(*out, d+"/model.go", r.Replace(model))
		write(*out, d+"/repository.go", r.Replace(repository))
		write(*out, d+"/service.go", r.Replace(service))
		write(*out, d+"/handler.go", r.Replace(handler))
		imports = append(imports, fmt.Sprintf("\t%q", "example.com/scale/"+d))
		routes = append(routes, fmt.Sprintf("\t%s.Register(mux, db)", d))
	}
	write(*out, "cmd/server/main.go", fmt.Sprintf(mainFile, strings.Join(imports, "\n"), strings.Join(routes, "\n")))
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
