package index

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/minutebook/minutebook/minutes"
)

// The tests use a fake parser: a document is a meeting as JSON (every
// field), or starts with REJECT to be rejected like a press release.

func encode(m *minutes.Meeting) []byte {
	b, err := json.Marshal((*plainMeeting)(m))
	if err != nil {
		panic(err)
	}
	return b
}

var errFakeReject = &minutes.RejectError{Kind: minutes.ErrNotMinutes, Reason: "it reads like a press release"}

func fakeParse(_ context.Context, name string, data []byte) (*minutes.Meeting, error) {
	if bytes.HasPrefix(data, []byte("REJECT")) {
		return nil, errFakeReject
	}
	if bytes.HasPrefix(data, []byte("PANIC")) {
		panic("fake parser bug")
	}
	var m plainMeeting
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, &minutes.RejectError{Kind: minutes.ErrNotMinutes, Reason: err.Error()}
	}
	return (*minutes.Meeting)(&m), nil
}

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

func testOptions(t testing.TB) Options {
	c := &clock{t: time.Date(2022, 7, 1, 9, 0, 0, 0, time.UTC)}
	return Options{Parse: fakeParse, Now: c.now, Logf: t.Logf, IndexWait: 2 * time.Second, Command: "minutebook test"}
}

func openLib(t testing.TB, dir string, opts ...func(*Options)) *Library {
	t.Helper()
	opt := testOptions(t)
	for _, f := range opts {
		f(&opt)
	}
	l, err := Open(context.Background(), dir, opt)
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

func mustImport(t testing.TB, l *Library, ms ...*minutes.Meeting) {
	t.Helper()
	for _, m := range ms {
		if _, err := l.Import(context.Background(), m.Source.Name, encode(m)); err != nil {
			t.Fatalf("Import %s: %v", m.ID(), err)
		}
	}
}

func ptr[T any](v T) *T { return &v }

func date(s string) minutes.Date {
	d, err := minutes.ParseISODate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// harrow is a hand-built meeting in the shape of the Harrow sample: an
// action with an owner, a follow-up due at the June 2022 meeting, and
// resolutions in parts.
func harrow() *minutes.Meeting {
	m := &minutes.Meeting{
		Council: "Harrow Council", Committee: "Overview and Scrutiny Committee", Date: date("2021-12-14"),
		NextMeeting: date("2022-01-11"),
		Source:      minutes.Source{Name: "harrow-osc-2021-12-14.txt"},
		Items: []minutes.Item{
			{Number: "180", Title: "Scrutiny Lead Member for Health", Body: "RESOLVED: To note the appointment.",
				Resolutions: []minutes.Record{{Text: "To note the appointment of Councillor Dr Lesline Lewinson as Scrutiny Lead Member for Health."}}},
			{Number: "188", Title: "Council's approach to Enforcement: Licensing and Enforcement Update",
				Body: "Members discussed fly-tipping enforcement and the licensing of houses in multiple occupation. An officer undertook to investigate with a view to helping businesses.",
				Resolutions: []minutes.Record{
					{Part: "1", Text: "That the report be noted."},
					{Part: "2", Text: "That a report be submitted to the June 2022 meeting of the Committee on fly-tipping enforcement."},
				},
				Actions: []minutes.Record{{Text: "An officer undertook to investigate with a view to helping businesses affected by fly-tipping.", Owner: "Director of Environment"}},
				FollowUps: []minutes.Record{{Text: "A report be submitted to the June 2022 meeting of the Committee.", Due: date("2022-06-30"),
					DueMeeting: "June 2022 meeting of the Committee", Provisional: true, Target: minutes.MonthTarget(2022, 6)}},
			},
			{Number: "189", Title: "Community Safety Strategic Assessment 2021",
				Body:        "Performance figures on knife crime would be provided to Members. The Borough Commander undertook to look into this particular issue.",
				Resolutions: []minutes.Record{{Text: "That the assessment be noted."}},
				Actions: []minutes.Record{
					{Text: "Performance figures on knife crime and how crimes were dealt with would be provided to Members.", Owner: "Borough Commander", Due: date("2022-02-01"), Target: minutes.DateTarget()},
					{Text: "The Borough Commander undertook to look into this particular issue.", Owner: "Borough Commander"},
				},
				FollowUps: []minutes.Record{{Text: "An update be brought to the next meeting.", DueMeeting: "the next meeting", Target: minutes.NextTarget()}},
			},
		},
	}
	assignTestIDs(m)
	return m
}

// laterHarrow is a later meeting of the same committee; with answer set it
// takes an item on the enforcement report.
func laterHarrow(d string, answer bool) *minutes.Meeting {
	m := &minutes.Meeting{Council: "Harrow Council", Committee: "Overview and Scrutiny Committee", Date: date(d),
		Source: minutes.Source{Name: "harrow-osc-" + d + ".txt"},
		Items: []minutes.Item{
			{Number: "1", Title: "Apologies for Absence", Body: "None."},
			{Number: "2", Title: "Housing Allocations Policy", Body: "RESOLVED: noted.", Resolutions: []minutes.Record{{Text: "That the policy be noted."}}},
		}}
	if answer {
		m.Items = append(m.Items, minutes.Item{Number: "3", Title: "Licensing and Enforcement: Update", Body: "The Committee received the update on enforcement."})
	}
	assignTestIDs(m)
	return m
}

func assignTestIDs(m *minutes.Meeting) {
	ids := itemIDs(m)
	for i := range m.Items {
		it := &m.Items[i]
		for j := range it.Resolutions {
			it.Resolutions[j].ID = ids[i] + "-r" + itoa(j+1)
			it.Resolutions[j].Kind = minutes.KindResolution
		}
		for j := range it.Actions {
			it.Actions[j].ID = ids[i] + "-a" + itoa(j+1)
			it.Actions[j].Kind = minutes.KindAction
		}
		for j := range it.FollowUps {
			it.FollowUps[j].ID = ids[i] + "-f" + itoa(j+1)
			it.FollowUps[j].Kind = minutes.KindFollowUp
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func findRecord(rs []Record, id string) (Record, bool) {
	for _, r := range rs {
		if r.ID == id {
			return r, true
		}
	}
	return Record{}, false
}

func isNotFound(err error) bool { return errors.Is(err, ErrNotFound) }

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
