package querycount

import (
	"runtime"
	"sync/atomic"
)

// firstPass is how many frames a capture unwinds before looking for the
// caller's frame: enough for the frames of database/sql and most ORMs,
// so that the frames of an HTTP server or test runner below the caller
// are unwound only when the caller is not among them.
const firstPass = 16

// capture fills st with the stack of its caller's caller, up to and
// including the caller's own frame (the call site), or the whole
// stackDepth when it has none.
func capture(st *stack) {
	n := runtime.Callers(3, st[:firstPass])
	i := firstUser(st[:n])
	if i < 0 && n == firstPass {
		n = runtime.Callers(3, st[:])
		i = firstUser(st[:n])
	}
	if i >= 0 {
		clear(st[i+1:])
	}
}

// firstUser returns the index of the first pc of the caller's own code.
func firstUser(pcs []uintptr) int {
	for i, pc := range pcs {
		if ownCode(pc) {
			return i
		}
	}
	return -1
}

// pcKinds caches ownCode per pc, direct-mapped: an entry holds pc<<1 and
// the answer in its low bit. A collision only costs a lookup again.
var pcKinds [1 << 12]atomic.Uint64

// ownCode reports whether the logical frame of a pc runtime.Callers
// returned is the caller's own code: not a library's, this module's,
// the runtime's or generated.
func ownCode(pc uintptr) bool {
	slot := &pcKinds[(pc^pc>>12)&(uintptr(len(pcKinds))-1)]
	if v := slot.Load(); v>>1 == uint64(pc) {
		return v&1 == 1
	}
	f, _ := runtime.CallersFrames([]uintptr{pc}).Next()
	_, skip := libraryOf(f.Function)
	own := !skip && !generated(f.File)
	v := uint64(pc) << 1
	if own {
		v |= 1
	}
	slot.Store(v)
	return own
}
