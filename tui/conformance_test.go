package tui

import (
	"testing"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/indextest"
	"github.com/minutebook/minutebook/minutes"
)

// TestFakeConformance runs the suite the library runs on the fake the TUI
// is tested against.
func TestFakeConformance(t *testing.T) {
	indextest.Run(t, func(_ *testing.T, ms []*minutes.Meeting) index.API { return newFakeLib(ms) })
}
