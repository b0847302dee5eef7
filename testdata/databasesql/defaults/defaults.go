// Package defaults holds the settings an installation starts with. It
// imports no data library.
package defaults

// Setting is one key and its value.
type Setting struct{ Key, Value string }

// Settings are written at first start: a fixed list.
var Settings = []Setting{{"theme", "light"}, {"lang", "en"}}

// Loaded are the settings read at start; Load replaces them, so they are
// data.
var Loaded = []Setting{{"theme", "dark"}}

// Load replaces Loaded.
func Load(s []Setting) { Loaded = s }

// Pending starts empty and is filled at run time.
var Pending = map[string]string{}
