package gorm

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/nplusonelint/nplusonelint/fixes"
)

// loaderFind finds, when the collection was returned by a function of
// this package (posts, err := repo.ListPosts(ctx)), the one GORM Find in
// that function filling the variable every return statement returns:
// the call to change, since an edit here cannot reach it. It returns the
// call and the function's name.
func (s site) loaderFind() (*ast.CallExpr, string, bool) {
	if s.Origin == nil || s.Outer != nil {
		return nil, "", false
	}
	info := s.Pass.TypesInfo
	fn, ok := typeutil.Callee(info, s.Origin).(*types.Func)
	if !ok || fn.Pkg() != s.Pass.Pkg {
		return nil, "", false
	}
	res := -1
	results := fn.Signature().Results()
	for i := 0; i < results.Len(); i++ {
		if types.Identical(results.At(i).Type(), info.TypeOf(s.Collection)) {
			if res >= 0 {
				return nil, "", false
			}
			res = i
		}
	}
	decl := s.declOf(fn)
	if res < 0 || decl == nil || decl.Body == nil {
		return nil, "", false
	}
	// Every return yields one local variable (or nil).
	var v *types.Var
	okReturns := true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) != results.Len() {
				okReturns = false // a bare return of named results
				return false
			}
			e := ast.Unparen(n.Results[res])
			if id, ok := e.(*ast.Ident); ok && id.Name == "nil" && info.Uses[id] == types.Universe.Lookup("nil") {
				return false
			}
			id, ok := e.(*ast.Ident)
			w, _ := info.Uses[id].(*types.Var)
			if !ok || w == nil || v != nil && w != v {
				okReturns = false
			}
			v = w
		}
		return true
	})
	if !okReturns || v == nil {
		return nil, "", false
	}
	var find *ast.CallExpr
	n := 0
	ast.Inspect(decl.Body, func(node ast.Node) bool {
		call, ok := node.(*ast.CallExpr)
		if !ok {
			return true
		}
		for _, a := range call.Args {
			if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok && u.Op == token.AND {
				if id, ok := ast.Unparen(u.X).(*ast.Ident); ok && info.Uses[id] == v {
					n++
					links, _ := s.d.chain(info, call)
					if len(links) > 0 && links[len(links)-1].Call == call && links[len(links)-1].Name == "Find" {
						find = call
					}
				}
			}
		}
		return true
	})
	if n != 1 || find == nil {
		return nil, "", false
	}
	name := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		if named, ok := fixes.DerefNamed(recv.Type()).(*types.Named); ok {
			name = named.Obj().Name() + "." + name
		}
	} else {
		name = fn.Pkg().Name() + "." + name
	}
	return find, name, true
}

// declOf returns the declaration of a function of the package.
func (s site) declOf(fn *types.Func) *ast.FuncDecl {
	for _, f := range s.Pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && s.Pass.TypesInfo.Defs[fd.Name] == fn {
				return fd
			}
		}
	}
	return nil
}

// remoteAdvice names the call to change when the collection came from a
// function: "add Preload("Author") to the Find in repo.ListPosts at
// repo.go:41", with that call as related information.
func (s site) remoteAdvice(method, args string) (string, []analysis.RelatedInformation, bool) {
	find, name, ok := s.loaderFind()
	if !ok {
		return "", nil, false
	}
	p := s.Pass.Fset.Position(find.Lparen)
	at := fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
	advice := fmt.Sprintf("add %s(%s) to the Find in %s at %s", method, args, name, at)
	return advice, []analysis.RelatedInformation{{Pos: find.Pos(), End: find.End(), Message: "add " + method + "(" + args + ") here"}}, true
}
