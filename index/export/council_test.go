package export

import (
	"strings"
	"testing"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/indextest"
	"github.com/minutebook/minutebook/minutes"
)

// Two councils' committees of one name, in the real library: each
// council's tracker and calendar hold its own records only.
func TestTrackersAndCalendarsByCouncil(t *testing.T) {
	meeting := func(council, d, next string, items ...minutes.Item) *minutes.Meeting {
		m := &minutes.Meeting{Council: council, Committee: "City Council", Date: d0(d), NextMeeting: d0(next),
			Source: minutes.Source{Name: council + " " + d}, Items: items}
		indextest.AssignIDs(m)
		return m
	}
	item := func(number, subject string, due string) minutes.Item {
		return minutes.Item{Number: number, Title: subject, Body: subject + ".",
			Actions: []minutes.Record{{Text: "Officers to circulate the " + subject + " figures.", Due: d0(due), Target: minutes.DateTarget()}},
			FollowUps: []minutes.Record{{Text: "A report on the " + subject + " be brought to the next meeting.", DueMeeting: "the next meeting",
				Due: d0(due), Target: minutes.NextTarget()}}}
	}
	lib := indextest.Open(t, []*minutes.Meeting{
		meeting("City of Portland", "2022-01-12", "2022-02-09", item("12", "Street Lighting", "2022-02-09")),
		meeting("Des Moines City Council", "2022-01-12", "2022-02-09", item("7", "Snow Clearance", "2022-02-09")),
	})
	for _, tc := range []struct{ committee, prefix string }{{"cc", "cc-2022"}, {"cc-dm", "cc-dm-2022"}} {
		a, err := LoadAgenda(ctx, lib, AgendaQuery{Committee: tc.committee, AsOf: d0("2022-02-01")})
		if err != nil {
			t.Fatal(err)
		}
		if a.Meeting != d0("2022-02-09") || a.Len() != 2 {
			t.Errorf("%s: the tracker for %s has %d records, want 2", tc.committee, a.Meeting, a.Len())
		}
		for _, s := range a.Sections {
			for _, r := range s.Entries {
				if r.CommitteeKey != tc.committee || len(r.ID) < len(tc.prefix) || r.ID[:len(tc.prefix)] != tc.prefix {
					t.Errorf("%s's tracker lists %s (%s, %s)", tc.committee, r.ID, r.Council, r.CommitteeKey)
				}
			}
		}
		c, err := LoadCalendar(ctx, lib, CalendarQuery{Committee: tc.committee, AsOf: d0("2022-02-01")})
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Events) != 1 || len(c.Events[0].Entries) != 2 || c.Events[0].Entries[0].CommitteeKey != tc.committee {
			t.Errorf("%s: calendar = %+v, want one event of its own two records", tc.committee, c.Events)
		}
	}
	// By council: the committee's shared name means that council's; the
	// action log, calendar and tracker hold that council's records only.
	for _, tc := range []struct{ council, key, title string }{
		{"portland", "cc", "Action log: City Council, City of Portland"},
		{"Des Moines", "cc-dm", "Action log: City Council, Des Moines City Council"},
	} {
		a, err := LoadAgenda(ctx, lib, AgendaQuery{Committee: "City Council", Council: tc.council, AsOf: d0("2022-02-01")})
		if err != nil || a.Len() != 2 {
			t.Fatalf("%s's tracker: %+v, %v", tc.council, a, err)
		}
		log, err := LoadActionLog(ctx, lib, LogQuery{RecordQuery: index.RecordQuery{AsOf: d0("2022-02-01"), Council: tc.council, Committee: "city council"}})
		if err != nil || len(log.Rows) != 2 || log.Title() != tc.title {
			t.Fatalf("%s's log: %+v, %v", tc.council, log, err)
		}
		c, err := LoadCalendar(ctx, lib, CalendarQuery{Council: tc.council, AsOf: d0("2022-02-01")})
		if err != nil || len(c.Events) != 1 {
			t.Fatalf("%s's calendar: %+v, %v", tc.council, c, err)
		}
		for _, r := range append(log.Rows, c.Events[0].Entries...) {
			if r.CommitteeKey != tc.key {
				t.Errorf("%s: %s is %s's", tc.council, r.ID, r.CommitteeKey)
			}
		}
	}
	if _, err := LoadAgenda(ctx, lib, AgendaQuery{Committee: "City Council", AsOf: d0("2022-02-01")}); err == nil {
		t.Error("the tracker of a name two councils share, with no council: no error")
	}
	if _, err := LoadActionLog(ctx, lib, LogQuery{RecordQuery: index.RecordQuery{Council: "Springfield"}}); err == nil || !strings.Contains(err.Error(), "City of Portland") {
		t.Errorf("an unknown council: %v, want the councils listed", err)
	}

	// Both councils meet on 9 February: two events, not one.
	c, err := LoadCalendar(ctx, lib, CalendarQuery{AsOf: d0("2022-02-01")})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Events) != 2 || c.Events[0].UID == c.Events[1].UID || c.Events[0].Council == c.Events[1].Council {
		t.Errorf("calendar of both = %+v, want an event for each council", c.Events)
	}
}

func d0(s string) minutes.Date {
	if s == "" {
		return minutes.Date{}
	}
	v, err := minutes.ParseISODate(s)
	if err != nil {
		panic(err)
	}
	return v
}
