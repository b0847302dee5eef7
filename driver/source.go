package driver

import (
	"go/ast"
	"go/parser"
	"go/token"

	"golang.org/x/tools/go/packages"

	"github.com/nplusonelint/nplusonelint/rules"
	"github.com/nplusonelint/nplusonelint/rules/libraries"
)

// fromSource selects the packages of the graph of roots whose facts the
// analysis of the roots can use, which are checked from source:
//
//   - the roots and every package of the user's own modules (the main
//     modules, workspace modules, modules replaced by a local directory);
//   - every package that can reach a data library (imports one, or a
//     package that does): the analyzer puts those through SSA and exports
//     what their functions run, interface methods included (it reads
//     their implementations in the interface's package, which reaches
//     the library too);
//   - the higher-order helpers those packages use: a package declaring a
//     function that calls (or passes on) one of its function-typed
//     parameters, imported by a package already selected. Their callback
//     facts say which callbacks run once per element.
//
// The standard library and the data libraries' own packages come from
// export data: what the analysis needs of them is in the rules.
func fromSource(roots []*packages.Package, registry *rules.Registry) map[*packages.Package]bool {
	if registry == nil {
		registry = libraries.Registry()
	}
	library := func(p *packages.Package) bool {
		return registry.Owns(p.PkgPath) || p.Module != nil && registry.Owns(p.Module.Path)
	}
	isRoot := map[*packages.Package]bool{}
	for _, p := range roots {
		isRoot[p] = true
	}
	source := map[*packages.Package]bool{}
	reaches := map[*packages.Package]bool{}
	var order []*packages.Package // imports before importers
	packages.Visit(roots, nil, func(p *packages.Package) {
		order = append(order, p)
		for path, imp := range p.Imports {
			if registry.Reaches(path) || reaches[imp] {
				reaches[p] = !registry.Owns(p.PkgPath)
			}
		}
		if isRoot[p] || ownModule(p) || reaches[p] && !library(p) {
			source[p] = true
		}
	})
	// Helpers: from the packages analyzed down their imports, as long as
	// each import is selected or declares higher-order functions (whose
	// facts can depend on their own imports' helpers).
	var walk func(p *packages.Package)
	walked := map[*packages.Package]bool{}
	notHelper := map[*packages.Package]bool{}
	walk = func(p *packages.Package) {
		if walked[p] {
			return
		}
		walked[p] = true
		for _, imp := range p.Imports {
			if !source[imp] {
				if notHelper[imp] || imp.Module == nil || library(imp) || !declaresHigherOrder(imp) {
					notHelper[imp] = true
					continue
				}
				source[imp] = true
			}
			walk(imp)
		}
	}
	for _, p := range order {
		if source[p] && reaches[p] {
			walk(p)
		}
	}
	return source
}

// ownModule reports whether p belongs to a module the user works on: a
// main module (go.work's included) or one replaced by a local directory.
func ownModule(p *packages.Package) bool {
	m := p.Module
	if m == nil {
		return false
	}
	return m.Main || m.Replace != nil && m.Replace.Version == ""
}

// declaresHigherOrder reports whether one of p's files declares a function
// with a body that calls one of its function-typed parameters or passes it
// on: the functions the analyzer computes callback facts for, less those
// that only store a function (options, handlers). It reads the files'
// syntax only; a parameter of a func type named in another package is not
// recognised.
func declaresHigherOrder(p *packages.Package) bool {
	fset := token.NewFileSet()
	for _, name := range p.CompiledGoFiles {
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		funcTypes := map[string]bool{} // the file's named func types
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
				for _, s := range g.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok && isFuncType(ts.Type, nil) {
						funcTypes[ts.Name.Name] = true
					}
				}
			}
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && callsFuncParam(fd, funcTypes) {
				return true
			}
		}
	}
	return false
}

// callsFuncParam reports whether fd's body calls or passes on one of its
// function-typed parameters.
func callsFuncParam(fd *ast.FuncDecl, funcTypes map[string]bool) bool {
	typeParams := map[string]bool{} // type parameters constrained to functions
	if fd.Type.TypeParams != nil {
		for _, f := range fd.Type.TypeParams.List {
			if isFuncType(f.Type, nil) {
				for _, n := range f.Names {
					typeParams[n.Name] = true
				}
			}
		}
	}
	params := map[string]bool{}
	for _, f := range fd.Type.Params.List {
		t := f.Type
		if e, ok := t.(*ast.Ellipsis); ok {
			t = e.Elt
		}
		if isFuncType(t, funcTypes) || isFuncType(t, typeParams) {
			for _, n := range f.Names {
				params[n.Name] = true
			}
		}
	}
	if len(params) == 0 {
		return false
	}
	found := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			for _, e := range append([]ast.Expr{call.Fun}, call.Args...) {
				if id, ok := ast.Unparen(e).(*ast.Ident); ok && params[id.Name] {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// isFuncType reports whether t is a func type, a name in named, or a
// constraint made of func types (~func(), interface{ ~func() }).
func isFuncType(t ast.Expr, named map[string]bool) bool {
	switch t := ast.Unparen(t).(type) {
	case *ast.FuncType:
		return true
	case *ast.Ident:
		return named[t.Name]
	case *ast.IndexExpr: // a generic named func type
		return isFuncType(t.X, named)
	case *ast.IndexListExpr:
		return isFuncType(t.X, named)
	case *ast.UnaryExpr: // ~func()
		return t.Op == token.TILDE && isFuncType(t.X, named)
	case *ast.BinaryExpr: // ~func(A) | ~func(B)
		return t.Op == token.OR && isFuncType(t.X, named) && isFuncType(t.Y, named)
	case *ast.InterfaceType:
		for _, m := range t.Methods.List {
			if len(m.Names) == 0 && isFuncType(m.Type, named) {
				return true
			}
		}
	}
	return false
}
