package moderngovtest

import (
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"testing"

	"github.com/minutebook/minutebook/minutes"
)

// TestServe is not a test: it runs a fake site until interrupted, for
// trying minutebook sync by hand:
//
//	MINUTEBOOK_FAKE_SITE=1 go test ./index/moderngov/moderngovtest -run TestServe -v
//
// MINUTEBOOK_FAKE_COMMITTEES and MINUTEBOOK_FAKE_MEETINGS size it.
func TestServe(t *testing.T) {
	if os.Getenv("MINUTEBOOK_FAKE_SITE") == "" {
		t.Skip("set MINUTEBOOK_FAKE_SITE=1 to run a fake site")
	}
	n := func(env string, def int) int {
		if v, err := strconv.Atoi(os.Getenv(env)); err == nil && v > 0 {
			return v
		}
		return def
	}
	s := New(Options{Committees: n("MINUTEBOOK_FAKE_COMMITTEES", 4), Meetings: n("MINUTEBOOK_FAKE_MEETINGS", 8), PDFEvery: 5, CancelEvery: 9,
		Conditional: true, First: minutes.MakeDate(2025, 6, 3), Published: minutes.MakeDate(2026, 1, 31)})
	defer s.Close()
	fmt.Println("fake Modern.gov site at", s.URL)
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	<-c
}
