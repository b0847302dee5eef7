// Package util is a local module of generic helpers that imports no data
// library: the callbacks it runs per element are known only from its code.
package util

// MapWithErr calls f once per element of xs and stops at the first error.
func MapWithErr[T, U any](xs []T, f func(T) (U, error)) ([]U, error) {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		u, err := f(x)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, nil
}

// Each calls f once per element of xs.
func Each[T any](xs []T, f func(T)) {
	for _, x := range xs {
		f(x)
	}
}

// Options only store a function: not a helper that runs it.
type Options struct{ onErr func(error) }

// OnError sets the error callback.
func (o *Options) OnError(f func(error)) { o.onErr = f }
