package moderngovtest

import (
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"testing"
	"time"

	"github.com/minutebook/minutebook/minutes"
)

// TestServe is not a test: it runs a fake site until interrupted, for
// trying minutebook sync by hand:
//
//	MINUTEBOOK_FAKE_SITE=1 go test ./index/moderngov/moderngovtest -run TestServe -v
//
// MINUTEBOOK_FAKE_COMMITTEES, MINUTEBOOK_FAKE_MEETINGS (per committee) and
// MINUTEBOOK_FAKE_EVERY (days between a committee's meetings) size it.
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
	committees, meetings, every := n("MINUTEBOOK_FAKE_COMMITTEES", 4), n("MINUTEBOOK_FAKE_MEETINGS", 8), n("MINUTEBOOK_FAKE_EVERY", 28)
	// Every meeting held by today, the last a week ago.
	first := minutes.DateOf(time.Now()).AddDays(-7 - committees - (meetings-1)*every)
	s := New(Options{Committees: committees, Meetings: meetings, Every: every, First: first, PDFEvery: 5, CancelEvery: 9, Conditional: true})
	defer s.Close()
	fmt.Println("fake Modern.gov site at", s.URL)
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	<-c
}
