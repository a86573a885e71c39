package index_test

import (
	"testing"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/indextest"
	"github.com/minutebook/minutebook/minutes"
)

// TestConformance runs the suite every index.API runs on the library
// itself.
func TestConformance(t *testing.T) {
	indextest.Run(t, func(t *testing.T, ms []*minutes.Meeting) index.API { return indextest.Open(t, ms) })
}
