package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/nplusonelint/nplusonelint/rules"
)

// report emits the diagnostic for a query run once per element of l. It
// sits at the call in the loop body that leads to the query: the deepest
// hop of the chain still inside the loop (so a query in a goroutine or
// closure written in the loop is reported where it is written).
func (s *state) report(fn *ssa.Function, l *loop, st site) {
	if !s.reporting {
		return // a round computing summaries
	}
	chain := st.r.chain
	k := 0
	for k+1 < len(chain) && chain[k+1].pos.IsValid() &&
		l.node.Pos() <= chain[k+1].pos && chain[k+1].pos < l.node.End() {
		k++
	}
	pos := chain[k].pos
	if !pos.IsValid() || s.reported[pos] {
		return
	}
	s.reported[pos] = true
	if s.silenced(pos) {
		return
	}

	if l.hook != "" {
		s.reportHook(fn, l, st, chain[k:], pos)
		return
	}
	if l.rows != "" {
		s.reportRows(l, st, chain[k:], pos)
		return
	}
	coll := types.ExprString(l.collection)
	org := s.originOf(l)
	where := s.describeOrigin(coll, org)
	rest := chain[k:]
	msg := fmt.Sprintf("N+1 query: %s once per element of %s (loop at %s; %s)",
		runs(rest, st.r.query), coll, s.shortPos(l.node.Pos()), where)
	r := s.remedy(l, org, st, len(rest) == 1, s.syntax.callAt(pos))
	if r.Advice != "" {
		msg += "; " + r.Advice
	}
	var fixes []analysis.SuggestedFix
	if r.Fix != nil {
		fixes = append(fixes, *r.Fix)
	}
	related := []analysis.RelatedInformation{{Pos: l.node.Pos(), Message: "loop over " + coll}}
	if org.query != "" {
		loaded := coll
		if org.outer != nil {
			loaded = types.ExprString(org.outer)
		}
		related = append(related, analysis.RelatedInformation{Pos: org.pos, Message: loaded + " loaded by " + org.query})
	}
	related = append(related, r.Related...)
	s.emit(st, pos, msg, related, rest, fixes)
}

// reportHook emits the diagnostic for a query in a per-row hook.
func (s *state) reportHook(fn *ssa.Function, l *loop, st site, rest []Hop, pos token.Pos) {
	row := types.TypeString(fn.Params[0].Type(), types.RelativeTo(s.pass.Pkg))
	msg := fmt.Sprintf("N+1 query: %s once per row loaded into %s: %s calls %s on each row of a list query (hook at %s)",
		runs(rest, st.r.query), strings.TrimPrefix(row, "*"), l.hookLib.Title, l.hook, s.shortPos(l.node.Pos()))
	related := []analysis.RelatedInformation{{Pos: l.node.Pos(), Message: l.hook + " hook"}}
	s.emit(st, pos, msg, related, rest, nil)
}

// reportRows emits the diagnostic for a query in a function a library
// call runs once per row of a result (xorm's Iterate, pgx.ForEachRow).
func (s *state) reportRows(l *loop, st site, rest []Hop, pos token.Pos) {
	call := l.rows[strings.LastIndex(l.rows, ".")+1:]
	where := s.shortPos(l.node.Pos())
	related := []analysis.RelatedInformation{{Pos: l.node.Pos(), Message: "rows read by " + l.rows}}
	if l.collection != l.node { // rows of another call's query
		coll := types.ExprString(l.collection)
		org := s.originOf(l)
		where += "; " + s.describeOrigin(coll, org)
		if org.query != "" {
			related = append(related, analysis.RelatedInformation{Pos: org.pos, Message: coll + " from " + org.query})
		}
	}
	what := "the keys in the callback and run one query for all of them"
	if st.r.kind == rules.Write || st.r.kind == rules.Exec {
		what = "the rows or keys in the callback and run one statement for all of them"
	}
	msg := fmt.Sprintf("N+1 query: %s once per row read by %s (%s at %s); collect %s after %s",
		runs(rest, st.r.query), l.rows, call, where, what, call)
	s.emit(st, pos, msg, related, rest, nil)
}

// describeOrigin says where a collection came from, and how sure that is.
func (s *state) describeOrigin(coll string, org origin) string {
	prefix := ""
	if org.outer != nil {
		outer := types.ExprString(org.outer)
		prefix = fmt.Sprintf("%s belongs to each element of %s; ", coll, outer)
		coll = outer
	}
	switch {
	case org.query != "":
		return prefix + fmt.Sprintf("%s from %s at %s", coll, org.query, s.shortPos(org.pos))
	case org.param:
		return prefix + fmt.Sprintf("%s is a parameter: origin unknown", coll)
	}
	return prefix + fmt.Sprintf("origin of %s unknown", coll)
}

// runs says what a chain runs: "(*sql.DB).QueryRow runs" for a direct
// query, "repo.AuthorOf runs (*sql.DB).QueryRow via repo.byID" otherwise.
func runs(rest []Hop, query string) string {
	if len(rest) == 1 {
		return rest[0].Callee + " runs"
	}
	what := rest[0].Callee + " runs " + query
	if len(rest) > 2 {
		var via []string
		for _, h := range rest[1 : len(rest)-1] {
			via = append(via, h.Callee)
		}
		what += " via " + strings.Join(via, " → ")
	}
	return what
}

// emit reports the diagnostic, with related positions for the chain.
func (s *state) emit(st site, pos token.Pos, msg string, related []analysis.RelatedInformation, rest []Hop, fixes []analysis.SuggestedFix) {
	for _, h := range rest[1:] {
		if p := s.hopPos(h); p.IsValid() {
			related = append(related, analysis.RelatedInformation{Pos: p, Message: "calls " + h.Callee})
		}
	}
	start, end := s.callRange(pos)
	s.pass.Report(analysis.Diagnostic{
		Pos:            start,
		End:            end,
		Category:       st.r.kind.Rule(),
		URL:            rules.RuleURL(st.r.kind.Rule()),
		Message:        msg,
		Related:        related,
		SuggestedFixes: fixes,
	})
}

// callRange returns the range to highlight for the call whose left
// parenthesis is at lparen: from the method name of a selector call (the
// line a reader looks at in a multi-line chain) to the closing parenthesis.
func (c *checks) callRange(lparen token.Pos) (token.Pos, token.Pos) {
	call := c.syntax.callAt(lparen)
	if call == nil {
		return lparen, token.NoPos
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return sel.Sel.Pos(), call.End()
	}
	return call.Pos(), call.End()
}

// shortPos prints a position as file.go:line.
func (s *state) shortPos(pos token.Pos) string {
	p := s.pass.Fset.Position(pos)
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}

// hopPos returns a hop's position in the analysis' file set: its own for
// calls in this package, else one found through the file name, when the
// file set knows the file (imported packages' declarations often are).
func (s *state) hopPos(h Hop) token.Pos {
	if h.pos.IsValid() {
		return h.pos
	}
	var found token.Pos
	s.pass.Fset.Iterate(func(f *token.File) bool {
		if f.Name() == h.File && h.Line >= 1 && h.Line <= f.LineCount() {
			found = f.LineStart(h.Line)
			if end := f.Base() + f.Size(); h.Column > 1 && int(found)+h.Column-1 <= end {
				found += token.Pos(h.Column - 1) // the call's column, as in its own package
			}
			return false
		}
		return true
	})
	return found
}
