// Package quietinit stops the terminal colour query that bubbletea v1 makes
// while the program initialises.
//
// bubbletea's init function calls lipgloss.HasDarkBackground, which (through
// termenv) writes an OSC 11 query to the terminal and waits up to five
// seconds for an answer. A terminal that never answers (a pty under
// `script`, some CI runners, a serial console) makes every start of the
// binary, CLI commands included, take five seconds.
//
// termenv skips the query when TERM is "dumb". This package sets TERM to
// "dumb" in its own init function and Restore puts the user's value back.
// Go initialises packages in dependency order and, among packages that are
// ready, in import-path order (the Go spec, "Package initialization", since
// Go 1.21): this package imports only "os", and its path sorts before
// github.com/muesli/termenv, so it always runs before termenv and lipgloss,
// and therefore before bubbletea. Package tui imports it and calls Restore
// from its own init function, which runs after bubbletea's, and then sets
// the colour profile and background explicitly so that nothing queries the
// terminal later.
package quietinit

import "os"

var (
	term     string
	termSet  bool
	quieted  bool
	restored bool
)

func init() {
	term, termSet = os.LookupEnv("TERM")
	if termSet && len(term) >= 4 && term[:4] == "dumb" {
		return // termenv will not ask a dumb terminal anything
	}
	if os.Setenv("TERM", "dumb") == nil {
		quieted = true
	}
}

// Restore puts back the TERM the process started with. It is safe to call
// more than once.
func Restore() {
	if !quieted || restored {
		return
	}
	restored = true
	if termSet {
		os.Setenv("TERM", term)
	} else {
		os.Unsetenv("TERM")
	}
}

// Quieted reports whether init changed TERM (and Restore has work to do).
func Quieted() bool { return quieted }
