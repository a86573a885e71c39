package index

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/minutes"
)

// twoCouncils is a library of two councils whose committees share names:
// each has a "City Council" and an "Overview and Scrutiny Committee", and
// each follow-up of one would be answered, or its due date resolved, by
// the other's meetings if the two were taken for one.
func twoCouncils() []*minutes.Meeting {
	meeting := func(council, committee, d, next string, items ...minutes.Item) *minutes.Meeting {
		m := &minutes.Meeting{Council: council, Committee: committee, Date: date(d),
			Source: minutes.Source{Name: council + " " + committee + " " + d + ".txt"}, Items: items}
		if next != "" {
			m.NextMeeting = date(next)
		}
		assignTestIDs(m)
		return m
	}
	return []*minutes.Meeting{
		meeting("City of Portland", "City Council", "2022-01-12", "2022-02-09",
			minutes.Item{Number: "12", Title: "Street Lighting Replacement", Body: "Lighting.",
				FollowUps: []minutes.Record{{Text: "A report on the street lighting replacement be brought to the next meeting.",
					DueMeeting: "the next meeting", Due: date("2022-02-09"), Target: minutes.NextTarget()}}}),
		meeting("Portland City Council", "Overview and Scrutiny Committee", "2022-01-20", "",
			minutes.Item{Number: "4", Title: "Homelessness Prevention", Body: "Homelessness.",
				FollowUps: []minutes.Record{{Text: "A report on homelessness prevention be submitted to the June 2022 meeting.",
					DueMeeting: "June 2022 meeting", Due: date("2022-06-30"), Provisional: true, Target: minutes.MonthTarget(2022, 6)}}}),
		// Des Moines: the same names, later meetings that would answer
		// Portland's follow-ups and fix its due dates.
		meeting("Des Moines City Council", "City Council", "2022-01-12", "2022-01-26",
			minutes.Item{Number: "7", Title: "Budget Amendments", Body: "Budget."}),
		meeting("City of Des Moines", "City Council", "2022-01-26", "",
			minutes.Item{Number: "3", Title: "Street Lighting Replacement: Update", Body: "The council received the update on street lighting."}),
		meeting("Des Moines City Council", "Overview and Scrutiny Committee", "2022-06-14", "",
			minutes.Item{Number: "9", Title: "Homelessness Prevention Report", Body: "Homelessness."}),
	}
}

func TestTwoCouncilsSharingCommitteeNames(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, ":memory:")
	ms := twoCouncils()
	var ids []string
	for _, m := range ms {
		res, err := l.Import(ctx, m.Source.Name, encode(m))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, res.MeetingID)
	}
	// Portland came first and keeps the parser's IDs; Des Moines' get its
	// initials, even on the same date, and both its spellings are one
	// council.
	if want := []string{"cc-2022-01-12", "osc-2022-01-20", "cc-dm-2022-01-12", "cc-dm-2022-01-26", "osc-dm-2022-06-14"}; !slices.Equal(ids, want) {
		t.Errorf("meeting IDs = %v, want %v", ids, want)
	}
	if _, _, err := l.Record(ctx, "cc-2022-01-12-12-f1"); err != nil {
		t.Errorf("Portland's follow-up: %v", err)
	}
	cs, err := l.Committees(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cs {
		got = append(got, c.Key+" "+c.Name+" ("+c.Council+")")
	}
	if want := []string{"cc City Council (City of Portland)", "cc-dm City Council (City of Des Moines)",
		"osc Overview and Scrutiny Committee (Portland City Council)", "osc-dm Overview and Scrutiny Committee (Des Moines City Council)"}; !sameStrings(got, want) {
		t.Errorf("committees = %q, want %q", got, want)
	}

	// No cross-council returns or due dates.
	rs, err := l.Due(ctx, DueQuery{AsOf: date("2022-07-01")})
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]struct {
		flag Flag
		due  string
	}{
		"cc-2022-01-12-12-f1": {FlagSlipped, "2022-02-09"}, // Des Moines' street lighting update does not answer it
		"osc-2022-01-20-4-f1": {FlagSlipped, "2022-06-30"}, // Des Moines' June meeting is not Portland's
	} {
		r, ok := findRecord(rs, id)
		if !ok || r.Flag != want.flag || r.Due.String() != want.due || r.ReturnedTo != nil {
			t.Errorf("%s: %s due %s returned to %+v; want %s due %s, not returned", id, r.Flag, r.Due, r.ReturnedTo, want.flag, want.due)
		}
	}

	// Next meetings by committee key; a name two councils share is not
	// enough to say which.
	for _, tc := range []struct{ committee, want string }{
		{"cc", "2022-02-09"}, {"cc-dm", "2022-01-26"}, {"osc-dm", "2022-06-14"}, {"osc", "2022-01-20"}, {"City of Des Moines City Council", "2022-01-26"},
	} {
		d, ok, err := l.NextMeeting(ctx, tc.committee, date("2022-01-12"))
		if err != nil || ok != (tc.want != "") || ok && d.String() != tc.want {
			t.Errorf("NextMeeting(%s) = %s %v %v, want %q", tc.committee, d, ok, err, tc.want)
		}
	}
	if _, _, err := l.NextMeeting(ctx, "Overview and Scrutiny Committee", date("2022-01-12")); err == nil || !strings.Contains(err.Error(), "osc-dm") {
		t.Errorf("NextMeeting of a shared name: %v, want an error naming the keys", err)
	}

	// Filters by key take one council's; by the shared name, both.
	for _, tc := range []struct {
		committee string
		want      int
	}{{"osc", 1}, {"osc-dm", 0}, {"cc-dm", 0}, {"Overview and Scrutiny Committee", 1}, {"city of des moines", 0}} {
		rs, err := l.Due(ctx, DueQuery{AsOf: date("2022-07-01"), Committee: tc.committee})
		if err != nil || len(rs) != tc.want {
			t.Errorf("Due(%s): %d records, %v; want %d", tc.committee, len(rs), err, tc.want)
		}
	}
	ms2, err := l.Meetings(ctx, "cc-dm")
	if err != nil || len(ms2) != 2 || ms2[0].CommitteeKey != "cc-dm" {
		t.Errorf("Meetings(cc-dm) = %+v, %v", ms2, err)
	}

	// Keys are kept: a re-parse and a corrected copy change no ID. Minutes
	// of a City Council that do not name their council cannot be told to
	// be Portland's or Des Moines': a key of their own.
	if _, err := l.Reparse(ctx); err != nil {
		t.Fatal(err)
	}
	corrected := twoCouncils()[3]
	corrected.Items[0].Body += " Corrected."
	unnamed := twoCouncils()[0]
	unnamed.Council, unnamed.Date, unnamed.Source.Name = "", date("2022-02-09"), "unnamed.txt"
	assignTestIDs(unnamed)
	for _, tc := range []struct {
		m    *minutes.Meeting
		want string
	}{{corrected, "cc-dm-2022-01-26"}, {unnamed, "cc2-2022-02-09"}} {
		res, err := l.Import(ctx, tc.m.Source.Name+" v2", encode(tc.m))
		if err != nil || res.MeetingID != tc.want {
			t.Errorf("import %s: %s, %v; want %s", tc.m.Source.Name, res.MeetingID, err, tc.want)
		}
	}
	all, err := l.Meetings(ctx, "")
	if err != nil || len(all) != 6 {
		t.Errorf("after re-imports: %d meetings, %v; want 6", len(all), err)
	}
}

// In a library of one council, minutes that do not name it keep the
// parser's IDs: they join the committee of their name, or of their
// initials.
func TestUnnamedCouncil(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, ":memory:")
	mustImport(t, l, harrow())
	for _, tc := range []struct{ committee, date, want string }{
		{"Overview and Scrutiny Committee", "2022-01-11", "osc-2022-01-11"},
		{"Organisational Support Committee", "2022-01-12", "osc-2022-01-12"},
		{"Licensing Panel", "2022-01-13", "lp-2022-01-13"},
	} {
		m := &minutes.Meeting{Committee: tc.committee, Date: date(tc.date), Source: minutes.Source{Name: tc.committee + tc.date}}
		res, err := l.Import(ctx, m.Source.Name, encode(m))
		if err != nil || res.MeetingID != tc.want {
			t.Errorf("%s: %s, %v; want %s", tc.committee, res.MeetingID, err, tc.want)
		}
	}
	// Another council's committee of other words but the same initials
	// holds "cc": an unnamed City Council is not taken for it.
	l = openLib(t, ":memory:")
	for _, m := range []*minutes.Meeting{
		{Council: "Kent County Council", Committee: "County Council", Date: date("2024-12-19"), Source: minutes.Source{Name: "kent"}},
		{Council: "City of Portland", Committee: "City Council", Date: date("2011-01-12"), Source: minutes.Source{Name: "portland"}},
		{Committee: "City Council", Date: date("2012-09-04"), Source: minutes.Source{Name: "alameda"}},
	} {
		if _, err := l.Import(ctx, m.Source.Name, encode(m)); err != nil {
			t.Fatal(err)
		}
	}
	ms, err := l.Meetings(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, m := range ms {
		ids = append(ids, m.ID)
	}
	// Only Portland has a City Council: the unnamed one joins it.
	if want := []string{"cc-2024-12-19", "cc-portland-2012-09-04", "cc-portland-2011-01-12"}; !slices.Equal(ids, want) {
		t.Errorf("IDs = %v, want %v", ids, want)
	}
	if ms[1].CommitteeKey != "cc-portland" {
		t.Errorf("the unnamed City Council has key %q, want Portland's", ms[1].CommitteeKey)
	}
}

func sameStrings(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// A Town Council and the Borough Council of the same town are two
// councils: a county councillor on both keeps them in one library, and
// each one's Planning Committee is its own, found by --council.
func TestTownAndBoroughOfOneName(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, ":memory:")
	meeting := func(council, d string) *minutes.Meeting {
		m := &minutes.Meeting{Council: council, Committee: "Planning Committee", Date: date(d),
			Source: minutes.Source{Name: council + " " + d + ".txt"},
			Items:  []minutes.Item{{Number: "5", Title: "Applications", Body: "Applications were considered."}}}
		assignTestIDs(m)
		return m
	}
	var ids []string
	for _, m := range []*minutes.Meeting{
		meeting("Wokeby Town Council", "2024-03-04"),
		meeting("Wokeby Borough Council", "2024-03-06"),
		meeting("Town of Wokeby", "2024-04-01"), // the town council spelt otherwise
	} {
		res, err := l.Import(ctx, m.Source.Name, encode(m))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, res.MeetingID)
	}
	if want := []string{"pc-2024-03-04", "pc-wokeby-2024-03-06", "pc-2024-04-01"}; !slices.Equal(ids, want) {
		t.Errorf("meeting IDs = %v, want %v", ids, want)
	}
	cs, err := l.Councils(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cs {
		got = append(got, fmt.Sprintf("%s|%d", c.Key, c.Meetings))
	}
	if want := []string{"wokeby|1", "wokeby town|2"}; !sameStrings(got, want) {
		t.Errorf("councils = %q, want %q", got, want)
	}
	for typed, want := range map[string]string{"wokeby town": "wokeby town", "Wokeby Borough": "wokeby", "town of wokeby": "wokeby town"} {
		c, err := MatchCouncil(cs, typed)
		if err != nil || c.Key != want {
			t.Errorf("MatchCouncil(%q) = %q, %v; want %q", typed, c.Key, err, want)
		}
	}
}
