package export

import (
	"testing"

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
