package analyzer

import "golang.org/x/tools/go/ssa"

// SetAnalyzeHook makes every function's analysis call hook first, so that
// tests can inject internal errors.
func SetAnalyzeHook(hook func(fn *ssa.Function)) { analyzeHook = hook }
