//go:build !race

package tui

// raceOn: see race_on_test.go.
const raceOn = false
