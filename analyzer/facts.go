package analyzer

import (
	"fmt"
	"go/token"
	"strings"
)

// QueryFact is exported for a package-level function or method that runs a
// query, directly or through its callees.
type QueryFact struct {
	// Query names the query-executing library call, e.g. "(*sql.DB).QueryRow".
	Query string
	// Library names the library running it (rules.Library.Name): its
	// remedies answer for the query wherever the chain starts.
	Library string
	// Kind is the query's rules.Kind.
	Kind string
	// Chain lists the calls from this function down to the query call,
	// this function's own call first.
	Chain []Hop
	// Params has bit i set when parameter i (the receiver counts as
	// parameter 0 of a method) flows into the query.
	Params uint64
	// Script has bit i set when parameter i flows into the SQL text of a
	// statement that is neither a known template nor built by a library
	// (a file's statements): a loop calling it per element applies a list.
	Script uint64
}

// Hop is one call of a call chain.
type Hop struct {
	Callee string // display name of the called function
	File   string
	Line   int
	Column int

	pos token.Pos // the call's position, when it is in the package under analysis
}

// AFact marks QueryFact as an analysis fact.
func (*QueryFact) AFact() {}

func (f *QueryFact) String() string {
	var names []string
	for _, h := range f.Chain[:len(f.Chain)-1] {
		names = append(names, h.Callee)
	}
	s := "runs " + f.Query
	if len(names) > 0 {
		s += " via " + strings.Join(names, " → ")
	}
	s += fmt.Sprintf(" [params %s]", bitList(f.Params))
	if f.Script != 0 {
		s += fmt.Sprintf(" [script %s]", bitList(f.Script))
	}
	return s
}

// CallbackFact is exported for a function that calls one of its
// function-typed parameters.
type CallbackFact struct {
	// Calls has bit i set when parameter i (receiver not counted) is called.
	Calls uint64
	// Each lists parameters called once per element of another parameter.
	Each []EachParam
}

// EachParam says that parameter Func is called once per element of
// parameter Over, or, when Over is -1, once per row of the query the call
// itself runs (xorm's Iterate; see rules.RowCallback).
type EachParam struct{ Func, Over int }

// AFact marks CallbackFact as an analysis fact.
func (*CallbackFact) AFact() {}

func (f *CallbackFact) String() string {
	s := "calls params " + bitList(f.Calls)
	for _, e := range f.Each {
		if e.Over < 0 {
			s += fmt.Sprintf("; %d per row of its query", e.Func)
			continue
		}
		s += fmt.Sprintf("; %d per element of %d", e.Func, e.Over)
	}
	return s
}

// reachesFact is exported for a package that can reach a data library,
// directly or through its imports. Packages without it are not analyzed.
type reachesFact struct{}

// AFact marks reachesFact as an analysis fact.
func (*reachesFact) AFact() {}

func (*reachesFact) String() string { return "reaches data access" }

func bitList(bits uint64) string {
	var parts []string
	for i := 0; i < 64; i++ {
		if bits&(1<<i) != 0 {
			parts = append(parts, fmt.Sprint(i))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ",")
}
