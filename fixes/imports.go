package fixes

import (
	"go/ast"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// Import returns the name the file uses for the package at path and, when
// the file does not import it yet, the edit adding the import under name.
// It fails when the file imports the package blank or with a dot, or when
// name already means something in the file (a package-level name, a
// universe name, or any identifier spelled so), so that the added import
// shadows nothing and is shadowed by nothing. Two fixes adding the same
// import produce the same edit.
func (s Site) Import(path, name string) (string, *analysis.TextEdit, bool) {
	for _, imp := range s.File.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil || p != path {
			continue
		}
		if imp.Name == nil {
			if pkg, ok := s.Pass.TypesInfo.Implicits[imp].(*types.PkgName); ok {
				return pkg.Name(), nil, true
			}
			return "", nil, false
		}
		if imp.Name.Name == "_" || imp.Name.Name == "." {
			return "", nil, false
		}
		return imp.Name.Name, nil, true
	}
	if s.Pass.Pkg.Scope().Lookup(name) != nil || types.Universe.Lookup(name) != nil {
		return "", nil, false
	}
	taken := false
	ast.Inspect(s.File, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == name {
			taken = true
		}
		return !taken
	})
	if taken {
		return "", nil, false
	}
	spec := strconv.Quote(path)
	for _, d := range s.File.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok.String() != "import" || len(gd.Specs) == 0 {
			continue
		}
		if gd.Lparen.IsValid() {
			last := gd.Specs[len(gd.Specs)-1]
			return name, &analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte("\n\t" + spec)}, true
		}
		return name, &analysis.TextEdit{Pos: gd.End(), End: gd.End(), NewText: []byte("\n\nimport " + spec)}, true
	}
	return name, &analysis.TextEdit{Pos: s.File.Name.End(), End: s.File.Name.End(), NewText: []byte("\n\nimport " + spec)}, true
}
