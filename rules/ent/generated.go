package ent

import (
	"go/types"
	"strings"
	"sync"

	"github.com/nplusonelint/nplusonelint/rules"
)

// runtime is the import path of ent's runtime package; every generated
// package aliases its QueryContext (ent.go: QueryContext = ent.QueryContext).
const runtime = "entgo.io/ent"

// finishers are the methods of a generated XQuery that run it.
var finishers = map[string]rules.Kind{
	"All": rules.Read, "AllX": rules.Read,
	"Only": rules.Read, "OnlyX": rules.Read, "OnlyID": rules.Read, "OnlyIDX": rules.Read,
	"First": rules.Read, "FirstX": rules.Read, "FirstID": rules.Read, "FirstIDX": rules.Read,
	"IDs": rules.Read, "IDsX": rules.Read,
	"Exist": rules.Read, "ExistX": rules.Read,
	"Count": rules.Count, "CountX": rules.Count,
}

// scans are the methods of XSelect, XGroupBy and their embedded selector
// that run the selection.
var scans = map[string]bool{
	"Scan": true, "ScanX": true,
	"Strings": true, "StringsX": true, "String": true, "StringX": true,
	"Ints": true, "IntsX": true, "Int": true, "IntX": true,
	"Float64s": true, "Float64sX": true, "Float64": true, "Float64X": true,
	"Bools": true, "BoolsX": true, "Bool": true, "BoolX": true,
}

// saves are the methods of the create, update and delete builders that
// run them.
var saves = map[string]bool{"Save": true, "SaveX": true, "Exec": true, "ExecX": true}

// builders are the suffixes of the generated mutation builders' names.
var builders = []string{"CreateBulk", "Create", "UpdateOne", "Update", "DeleteOne", "Delete", "UpsertOne", "UpsertBulk"}

// generated recognises a query-running method of ent-generated code: a
// method taking a context first, on a type of a package that has ent's
// generated shape, named as ent names it (XQuery's finishers, XSelect's and
// XGroupBy's scans, XClient.Get, the builders' Save and Exec).
func generated(fn *types.Func) (rules.Method, bool) {
	sig := fn.Signature()
	recv := rules.RecvName(sig)
	if recv == "" || fn.Pkg() == nil || sig.Params().Len() == 0 || !rules.IsContext(sig.Params().At(0).Type()) {
		return rules.Method{}, false
	}
	if !isGeneratedPackage(fn.Pkg()) {
		return rules.Method{}, false
	}
	name := fn.Name()
	switch {
	case strings.HasSuffix(recv, "Query"):
		if k, ok := finishers[name]; ok {
			return rules.Method{Type: recv, Name: name, Kind: k}, true
		}
	case strings.HasSuffix(recv, "Select") || strings.HasSuffix(recv, "GroupBy") || recv == "selector":
		if scans[name] {
			return rules.Method{Type: recv, Name: name, Kind: rules.Read}, true
		}
	case strings.HasSuffix(recv, "Client"):
		if name == "Get" || name == "GetX" {
			return rules.Method{Type: recv, Name: name, Kind: rules.Read}, true
		}
	default:
		for _, b := range builders {
			if strings.HasSuffix(recv, b) && len(recv) > len(b) {
				if saves[name] || name == "ID" || name == "IDX" {
					return rules.Method{Type: recv, Name: name, Kind: rules.Write}, true
				}
				break
			}
		}
	}
	return rules.Method{}, false
}

var shapes sync.Map // *types.Package → bool

// isGeneratedPackage reports whether pkg has the shape of an ent-generated
// package: it declares QueryContext as an alias of ent's own.
func isGeneratedPackage(pkg *types.Package) bool {
	if v, ok := shapes.Load(pkg); ok {
		return v.(bool)
	}
	ok := false
	if tn, isType := pkg.Scope().Lookup("QueryContext").(*types.TypeName); isType && tn.IsAlias() {
		if n, named := types.Unalias(tn.Type()).(*types.Named); named && n.Obj().Pkg() != nil {
			ok = n.Obj().Pkg().Path() == runtime && n.Obj().Name() == "QueryContext"
		}
	}
	shapes.Store(pkg, ok)
	return ok
}
