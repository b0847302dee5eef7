package querycount

import "time"

// A Statement is one statement a unit of work ran.
type Statement struct {
	// SQL is the text sent to the driver, placeholders unexpanded.
	SQL string
	// Start is when the driver call began; Duration how long it took.
	Start    time.Time
	Duration time.Duration
	// Err is the error the driver returned, if any.
	Err error
	// Caller is the call site in the caller's code.
	Caller Frame
	// Library is the data library that ran it, nil when the code called
	// the driver itself.
	Library *Library
}

// Normalized returns the statement's SQL with its values folded
// (Normalize).
func (s Statement) Normalized() string { return Normalize(s.SQL) }

// record is a statement as the hot path stores it: its stack is an index
// into the unit's distinct stacks, resolved and the SQL normalised only
// when someone reads them.
type record struct {
	sql   string
	start time.Time
	dur   time.Duration
	err   error
	stack int
}

// stack is a captured call stack, zero past its frames.
type stack [stackDepth]uintptr
