package each

// Higher-order helpers and no data access: their callback facts come from
// syntax alone.

// ForEach calls f once per element of xs.
func ForEach[T any](xs []T, f func(T)) { // want ForEach:"calls params 1; 1 per element of 0"
	for _, x := range xs {
		f(x)
	}
}

// Do calls f once.
func Do(f func() error) error { return f() } // want Do:"calls params 0$"

// Async calls f in a goroutine.
func Async(f func()) { // want Async:"calls params 0$"
	go func() { f() }()
}

// Register stores f for later: not a call.
func Register(name string, f func()) { handlers[name] = f }

var handlers = map[string]func(){}
