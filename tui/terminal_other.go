//go:build !unix

package tui

import "time"

// queryBackground does not ask terminals outside Unix; the guess stands.
func queryBackground(time.Duration) (dark, ok bool) { return false, false }
