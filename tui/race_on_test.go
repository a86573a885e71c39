//go:build race

package tui

// raceOn is set when the tests run under the race detector, which makes
// the TUI's code several times slower: the long property test takes
// fewer steps then, to finish in go test's default ten minutes.
const raceOn = true
