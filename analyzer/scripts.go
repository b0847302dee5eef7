package analyzer

// scriptLoops returns the loops that run a script per element: a
// statement whose SQL text varies per element and is built from no
// constant (a migration file's contents; a SET per element, whose text
// starts with its keyword, is no script). Such a loop's cardinality is the
// number of scripts, so its other statements (recording each applied
// version) are no N+1.
func scriptLoops(sites []site, loops []*loop, fl *flow) map[*loop]bool {
	var out map[*loop]bool
	for _, st := range sites {
		if st.r.script == nil {
			continue
		}
		if l := perElementLoop(loops, st.call.Block(), fl.of(st.r.script)); l != nil {
			if out == nil {
				out = map[*loop]bool{}
			}
			out[l] = true
		}
	}
	return out
}
