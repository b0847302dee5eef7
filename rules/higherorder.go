package rules

import "go/types"

// HigherOrder is a function of a common non-data package that calls one
// of its function arguments: once per call, or once per element of another
// argument. Callback facts computed from source say the same when that
// source is analyzed; this list makes the answer independent of it (a
// driver reading dependencies from export data, an analyzer run without
// the standard library's facts).
type HigherOrder struct {
	Pkg  string // import path
	Type string // receiver type name; "" for a function
	Name string
	Func int // index of the function parameter, receiver not counted
	Over int // index of the collection parameter it runs once per element of; -1 for once per call
}

// HigherOrders lists the well-known higher-order functions.
var HigherOrders = []HigherOrder{
	{"sync", "WaitGroup", "Go", 0, -1},
	{"golang.org/x/sync/errgroup", "Group", "Go", 0, -1},
	{"golang.org/x/sync/errgroup", "Group", "TryGo", 0, -1},
	{"slices", "", "IndexFunc", 1, 0},
	{"slices", "", "ContainsFunc", 1, 0},
	{"slices", "", "DeleteFunc", 1, 0},
}

// samber/lo and its parallel variants: iteratee is the second parameter,
// called once per element of the first.
func init() {
	for _, name := range []string{
		"ForEach", "ForEachWhile", "Map", "FilterMap", "FlatMap", "Filter", "Reject",
		"Reduce", "ReduceRight", "GroupBy", "KeyBy", "SliceToMap", "Associate",
		"PartitionBy", "CountBy", "UniqBy", "MapValues", "MapToSlice",
	} {
		HigherOrders = append(HigherOrders, HigherOrder{"github.com/samber/lo", "", name, 1, 0})
	}
	for _, name := range []string{"ForEach", "Map", "GroupBy", "PartitionBy"} {
		HigherOrders = append(HigherOrders, HigherOrder{"github.com/samber/lo/parallel", "", name, 1, 0})
	}
}

// LookupHigherOrder returns what the list says of fn.
func LookupHigherOrder(fn *types.Func) (HigherOrder, bool) {
	fn = fn.Origin()
	if fn.Pkg() == nil {
		return HigherOrder{}, false
	}
	recv := RecvName(fn.Type().(*types.Signature))
	for _, h := range HigherOrders {
		if h.Pkg == fn.Pkg().Path() && h.Type == recv && h.Name == fn.Name() {
			return h, true
		}
	}
	return HigherOrder{}, false
}
