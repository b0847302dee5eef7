package driver

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// graphMode asks the go command for the import graph and the files of
// every package, without building, parsing or type-checking any: load
// decides which packages to check from source, and asks for the export
// data of the others only.
const graphMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes

// load lists the packages matching patterns (with their tests when
// opts.Tests; never the tests of dependencies) and gives each of them
// types: from source, with syntax and type information, for those
// fromSource selects, and from the compiler's export data for the rest.
// Package, parse and type errors are recorded on each package, as
// go/packages does.
func load(patterns []string, opts Options) ([]*packages.Package, error) {
	cfg := &packages.Config{Mode: graphMode, Tests: opts.Tests, Dir: opts.Dir}
	roots, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if len(roots) == 0 {
		return nil, fmt.Errorf("matched no packages")
	}
	source := fromSource(roots, opts.Registry)
	if err := exportFiles(roots, source, opts); err != nil {
		return nil, err
	}
	l := &loader{fset: token.NewFileSet(), source: source, done: map[*packages.Package]chan struct{}{}}
	packages.Visit(roots, nil, func(p *packages.Package) {
		// Every package gets its (empty) types.Package first, so that
		// reading export data never creates one of its own.
		p.Types = types.NewPackage(p.PkgPath, p.Name)
		p.Fset = l.fset
		l.done[p] = make(chan struct{})
	})
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for p := range l.done {
		wg.Go(func() {
			for _, imp := range p.Imports {
				<-l.done[imp]
			}
			sem <- struct{}{}
			l.loadPackage(p)
			<-sem
			close(l.done[p])
		})
	}
	wg.Wait()
	return roots, nil
}

// exportFiles has the go command build the export data of the packages
// not checked from source (the build cache has most of it) and records
// where it is. A test variant of a dependency, which the go command cannot
// be asked for by path, is checked from source instead.
func exportFiles(roots []*packages.Package, source map[*packages.Package]bool, opts Options) error {
	var paths []string
	byPath := map[string][]*packages.Package{}
	packages.Visit(roots, nil, func(p *packages.Package) {
		switch {
		case source[p] || p.PkgPath == "unsafe":
		case p.ID != p.PkgPath:
			source[p] = true
		default:
			if byPath[p.PkgPath] == nil {
				paths = append(paths, p.PkgPath)
			}
			byPath[p.PkgPath] = append(byPath[p.PkgPath], p)
		}
	})
	if len(paths) == 0 {
		return nil
	}
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedExportFile, Dir: opts.Dir}
	listed, err := packages.Load(cfg, paths...)
	if err != nil {
		return err
	}
	for _, e := range listed {
		for _, p := range byPath[e.PkgPath] {
			p.ExportFile = e.ExportFile
			if len(p.Errors) == 0 {
				p.Errors = e.Errors
			}
		}
	}
	return nil
}

// loader gives packages their types; one loadPackage per package, after
// its imports'.
type loader struct {
	fset     *token.FileSet
	source   map[*packages.Package]bool
	done     map[*packages.Package]chan struct{}
	exportMu sync.Mutex // reading export data may complete packages others read
}

func (l *loader) loadPackage(p *packages.Package) {
	switch {
	case p.PkgPath == "unsafe":
		p.Types = types.Unsafe
		p.Syntax = []*ast.File{}
		p.TypesInfo = newTypesInfo()
	case l.source[p] && len(p.CompiledGoFiles) > 0:
		l.check(p)
	case len(p.CompiledGoFiles) == 0 && len(p.GoFiles) == 0 && len(p.Errors) == 0:
		// Only test files (a benchmark package, say), not asked for.
		p.Syntax = []*ast.File{}
		p.TypesInfo = newTypesInfo()
		p.Types.MarkComplete()
	case l.source[p] && len(p.GoFiles) > 0:
		// No compiled files: the go command has recorded why (cgo
		// failing, say) in p.Errors.
		if len(p.Errors) == 0 {
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: "no compiled Go files for " + p.ID, Kind: packages.ListError})
		}
		p.IllTyped = true
	default:
		if err := l.readExport(p); err != nil {
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
			p.IllTyped = true
		}
	}
	for _, imp := range p.Imports {
		p.IllTyped = p.IllTyped || imp.IllTyped
	}
}

// readExport reads p's types from the export data the go command built.
func (l *loader) readExport(p *packages.Package) error {
	if p.ExportFile == "" {
		if len(p.Errors) > 0 {
			return nil // the go command said why
		}
		return fmt.Errorf("no export data for %s", p.PkgPath)
	}
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(bufio.NewReader(f))
	if err != nil {
		return fmt.Errorf("reading export data for %s: %v", p.PkgPath, err)
	}
	view := map[string]*types.Package{} // p's dependencies, as the export data names them
	var visit func(map[string]*packages.Package)
	visit = func(imports map[string]*packages.Package) {
		for _, imp := range imports {
			if view[imp.PkgPath] == nil {
				view[imp.PkgPath] = imp.Types
				visit(imp.Imports)
			}
		}
	}
	visit(p.Imports)
	view[p.PkgPath] = p.Types
	l.exportMu.Lock()
	defer l.exportMu.Unlock()
	tpkg, err := gcexportdata.Read(r, l.fset, view, p.PkgPath)
	if err != nil {
		return fmt.Errorf("reading export data for %s: %v", p.PkgPath, err)
	}
	p.Types = tpkg
	return nil
}

// check parses and type-checks p.
func (l *loader) check(p *packages.Package) {
	addErr := func(err error) {
		switch err := err.(type) {
		case scanner.ErrorList:
			for _, e := range err {
				p.Errors = append(p.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
			}
		case types.Error:
			p.TypeErrors = append(p.TypeErrors, err)
			p.Errors = append(p.Errors, packages.Error{Pos: err.Fset.Position(err.Pos).String(), Msg: err.Msg, Kind: packages.TypeError})
		default:
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.ParseError})
		}
	}
	for _, name := range p.CompiledGoFiles {
		f, err := parser.ParseFile(l.fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			addErr(err)
		}
		if f != nil {
			p.Syntax = append(p.Syntax, f)
		}
	}
	p.TypesInfo = newTypesInfo()
	cfg := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			imp := p.Imports[path]
			if imp == nil || !imp.Types.Complete() {
				return nil, fmt.Errorf("could not import %s", path)
			}
			return imp.Types, nil
		}),
		Error: addErr,
		Sizes: p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		cfg.GoVersion = "go" + p.Module.GoVersion
	}
	_ = types.NewChecker(cfg, l.fset, p.Types, p.TypesInfo).Files(p.Syntax)
	if len(p.TypeErrors) > 0 {
		// The go command's build of the package failed on the same
		// errors ("# pkg" and the compiler's lines): say them once.
		p.Errors = slices.DeleteFunc(p.Errors, func(e packages.Error) bool {
			return e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ")
		})
	}
	p.IllTyped = len(p.Errors) > 0
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

func newTypesInfo() *types.Info {
	return &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
}

// errorLines returns the distinct errors of the packages in the graph of
// roots, one line each, in a stable order: a file's type error shows in
// every variant of its package (p and p [p.test]) but is said once.
func errorLines(roots []*packages.Package) []string {
	var out []string
	seen := map[string]bool{}
	packages.Visit(roots, nil, func(p *packages.Package) {
		errs := p.Errors
		if p.Module != nil && p.Module.Error != nil {
			errs = append([]packages.Error{{Pos: "-", Msg: p.Module.Error.Err}}, errs...)
		}
		for _, e := range errs {
			line := e.Msg
			if e.Pos != "" && e.Pos != "-" {
				line = e.Pos + ": " + e.Msg
			}
			line = strings.TrimSpace(line)
			if !seen[line] {
				seen[line] = true
				out = append(out, line)
			}
		}
	})
	return out
}
