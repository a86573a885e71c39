package exporttest

import (
	"testing"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/indextest"
	"github.com/minutebook/minutebook/minutes"
)

// TestConformance runs the suite the library runs on this fake.
func TestConformance(t *testing.T) {
	indextest.Run(t, func(_ *testing.T, ms []*minutes.Meeting) index.API { return FromMeetings(ms) })
}
