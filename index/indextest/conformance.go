// Package indextest holds the conformance suite every implementation of
// index.API runs: the library itself and each in-memory fake the exports
// and the TUI are tested against. The same cases run on all of them, so a
// flag, a due date or what the due board lists can mean only one thing
// (as gitea runs one suite against each of its indexer backends).
package indextest

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// Open is a real library in memory holding the meetings given, imported
// in order (through a parser that hands each back by its source name).
func Open(t *testing.T, meetings []*minutes.Meeting) *index.Library {
	t.Helper()
	byName := map[string]*minutes.Meeting{}
	for _, m := range meetings {
		byName[m.Source.Name] = m
	}
	ctx := context.Background()
	l, err := index.Open(ctx, ":memory:", index.Options{
		Parse: func(_ context.Context, name string, _ []byte) (*minutes.Meeting, error) {
			m, ok := byName[name]
			if !ok {
				return nil, &minutes.RejectError{Kind: minutes.ErrNotMinutes, Reason: "not one of the test's meetings"}
			}
			c := *m
			c.Items = slices.Clone(m.Items)
			for i := range c.Items {
				it := &c.Items[i]
				it.Resolutions, it.Actions, it.FollowUps = slices.Clone(it.Resolutions), slices.Clone(it.Actions), slices.Clone(it.FollowUps)
			}
			return &c, nil
		},
		Now:  func() time.Time { return time.Date(2022, 7, 1, 9, 0, 0, 0, time.UTC) },
		Logf: t.Logf,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	for _, m := range meetings {
		if _, err := l.Import(ctx, m.Source.Name, []byte(m.Source.Name)); err != nil {
			t.Fatalf("import %s: %v", m.Source.Name, err)
		}
	}
	return l
}

// Opener makes an index.API holding the meetings given, as if each had
// been imported. The meetings' records carry their IDs and kinds.
type Opener func(t *testing.T, meetings []*minutes.Meeting) index.API

// The committees of the suite's library. Their names share no word, so the
// library's subject matching never links one's items to another's.
const (
	Scrutiny  = "Overview and Scrutiny Committee"
	Licensing = "Licensing Panel"
)

// Meetings is the suite's library: two meetings of Scrutiny (the first
// says the next is on 11 January 2022) with an action and a follow-up of
// every kind of due date, a later Scrutiny meeting whose items answer
// nothing, and one Licensing meeting.
func Meetings() []*minutes.Meeting {
	d := mustDate
	dec := &minutes.Meeting{Council: "Harrow Council", Committee: Scrutiny, Date: d("2021-12-14"), NextMeeting: d("2022-01-11"),
		Source: minutes.Source{Name: "osc-2021-12-14.txt"},
		Items: []minutes.Item{
			{Number: "180", Title: "Scrutiny Lead Members", Body: "RESOLVED: noted.",
				Resolutions: []minutes.Record{{Text: "That the appointments be noted."}}},
			{Number: "188", Title: "Fly-tipping Enforcement", Body: "Fly-tipping.",
				Actions: []minutes.Record{
					{Text: "The Director to circulate the fixed penalty figures.", Owner: "Director of Environment", Due: d("2022-02-01"), Target: minutes.DateTarget()},
					{Text: "The Director to look into fly-tipping hotspots."},
				},
				FollowUps: []minutes.Record{
					{Text: "A further report on fly-tipping be submitted to the June 2022 meeting.", Due: d("2022-06-30"), Provisional: true,
						DueMeeting: "June 2022 meeting", Target: minutes.MonthTarget(2022, 6)},
					{Text: "An update on fly-tipping be brought to the next meeting.", Due: d("2022-01-11"), DueMeeting: "the next meeting", Target: minutes.NextTarget()},
					{Text: "A report on fly-tipping costs be brought back in six months' time.", Due: d("2022-06-14"), Target: minutes.OffsetTarget(6, minutes.Months)},
				}},
			{Number: "189", Title: "Knife Crime", Body: "Knife crime.", Exempt: true,
				Actions: []minutes.Record{{Text: "The Borough Commander to provide knife crime figures by ward.", Owner: "Borough Commander", Due: d("2022-01-20"), Target: minutes.DateTarget()}}},
		}}
	jan := &minutes.Meeting{Council: "Harrow Council", Committee: Scrutiny, Date: d("2022-01-13"),
		Source: minutes.Source{Name: "osc-2022-01-13.txt"},
		Items: []minutes.Item{
			{Number: "201", Title: "Budget Scrutiny", Body: "The budget.",
				Actions: []minutes.Record{{Text: "Officers to circulate the savings tracker.", Due: d("2022-02-24"), Target: minutes.DateTarget()}}},
			{Number: "202", Title: "Housing Allocations", Body: "Allocations."},
		}}
	sep := &minutes.Meeting{Council: "Harrow Council", Committee: Scrutiny, Date: d("2022-09-06"),
		Source: minutes.Source{Name: "osc-2022-09-06.txt"},
		Items: []minutes.Item{{Number: "30", Title: "Libraries Strategy", Body: "Libraries.",
			Actions: []minutes.Record{{Text: "Officers to publish the consultation.", Due: d("2022-10-01"), Target: minutes.DateTarget()}}}}}
	lic := &minutes.Meeting{Council: "Harrow Council", Committee: Licensing, Date: d("2022-01-05"), NextMeeting: d("2022-02-02"),
		Source: minutes.Source{Name: "lp-2022-01-05.txt"},
		Items: []minutes.Item{{Number: "5", Title: "Street Trading Policy", Body: "Trading.",
			FollowUps: []minutes.Record{{Text: "The revised policy be brought to the next meeting.", Due: d("2022-02-02"), DueMeeting: "the next meeting", Target: minutes.NextTarget()}}}}}
	ms := []*minutes.Meeting{dec, jan, sep, lic}
	for _, m := range ms {
		AssignIDs(m)
	}
	return ms
}

// CommitteesOf lists the committees of meetings of one council, as
// Library.Committees does (by name; the key their initials), for fakes.
func CommitteesOf(ms []*minutes.Meeting) []index.Committee {
	by := map[string]*index.Committee{}
	for _, m := range ms {
		c := by[m.Committee]
		if c == nil {
			c = &index.Committee{Key: minutes.CommitteeSlug(m.Committee), Name: m.Committee, Council: m.Council}
			by[m.Committee] = c
		}
		c.Meetings++
		if m.Date.After(c.Last) {
			c.Last = m.Date
		}
	}
	out := make([]index.Committee, 0, len(by))
	for _, c := range by {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b index.Committee) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// AssignIDs gives a hand-made meeting's records their IDs and kinds, as
// the parser does.
func AssignIDs(m *minutes.Meeting) {
	for i := range m.Items {
		it := &m.Items[i]
		base := m.ItemID(i)
		for _, g := range []struct {
			list []minutes.Record
			kind minutes.Kind
			tag  string
		}{{it.Resolutions, minutes.KindResolution, "-r"}, {it.Actions, minutes.KindAction, "-a"}, {it.FollowUps, minutes.KindFollowUp, "-f"}} {
			for j := range g.list {
				g.list[j].ID, g.list[j].Kind = base+g.tag+strconv.Itoa(j+1), g.kind
			}
		}
	}
}

func mustDate(s string) minutes.Date {
	d, err := minutes.ParseISODate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// want is a record's expected flag and due date ("" for none).
type want struct {
	flag index.Flag
	due  string
}

// Run runs the suite against the index.API open makes.
func Run(t *testing.T, open Opener) {
	const (
		monthF   = "osc-2021-12-14-188-f1"
		nextF    = "osc-2021-12-14-188-f2"
		offsetF  = "osc-2021-12-14-188-f3"
		datedA   = "osc-2021-12-14-188-a1"
		undatedA = "osc-2021-12-14-188-a2"
		exemptA  = "osc-2021-12-14-189-a1"
		janA     = "osc-2022-01-13-201-a1"
		sepA     = "osc-2022-09-06-30-a1"
		licF     = "lp-2022-01-05-5-f1"
	)
	ctx := context.Background()
	d := mustDate

	t.Run("flags", func(t *testing.T) {
		api := open(t, Meetings())
		for _, tc := range []struct {
			asOf string
			want map[string]want
		}{
			{"2022-01-06", map[string]want{
				datedA:   {index.FlagDueSoon, "2022-02-01"},
				undatedA: {index.FlagUndated, ""},
				exemptA:  {index.FlagDueSoon, "2022-01-20"},
				monthF:   {index.FlagUpcoming, "2022-06-30"},
				nextF:    {index.FlagDueNext, "2022-01-13"}, // the library holds the meeting of the 13th, which replaces the stated 11th
				offsetF:  {index.FlagUpcoming, "2022-06-14"},
				licF:     {index.FlagDueNext, "2022-02-02"},
			}},
			{"2022-01-12", map[string]want{
				nextF:   {index.FlagDueNext, "2022-01-13"},
				exemptA: {index.FlagDueSoon, "2022-01-20"},
			}},
			{"2022-02-10", map[string]want{
				datedA: {index.FlagOverdue, "2022-02-01"},
				nextF:  {index.FlagSlipped, "2022-01-13"},
				janA:   {index.FlagDueNext, "2022-02-24"}, // the next known meeting is in September
				licF:   {index.FlagSlipped, "2022-02-02"},
			}},
			{"2022-07-01", map[string]want{
				monthF:  {index.FlagSlipped, "2022-06-30"}, // no June meeting known: provisional, and passed
				offsetF: {index.FlagOverdue, "2022-06-14"}, // six months' time names no meeting to slip from
				datedA:  {index.FlagOverdue, "2022-02-01"},
			}},
		} {
			rs, err := api.Due(ctx, index.DueQuery{AsOf: d(tc.asOf)})
			if err != nil {
				t.Fatal(err)
			}
			check(t, "due board as of "+tc.asOf, rs, tc.want)
			rs, err = api.Records(ctx, index.RecordQuery{AsOf: d(tc.asOf), IncludeExempt: true})
			if err != nil {
				t.Fatal(err)
			}
			check(t, "records as of "+tc.asOf, rs, tc.want)
		}
	})

	t.Run("board", func(t *testing.T) {
		api := open(t, Meetings())
		rs, err := api.Due(ctx, index.DueQuery{AsOf: d("2022-07-01")})
		if err != nil {
			t.Fatal(err)
		}
		got := ids(rs)
		for _, id := range []string{sepA, "osc-2021-12-14-180-r1"} {
			if slices.Contains(got, id) {
				t.Errorf("%s is on the board as of 2022-07-01 (a resolution, or minuted later)", id)
			}
		}
		if !slices.Contains(got, exemptA) {
			t.Errorf("the board leaves out the exempt %s: %v", exemptA, got)
		}
		for i := 1; i < len(rs); i++ {
			a, b := rs[i-1], rs[i]
			if a.Flag.Rank() > b.Flag.Rank() || a.Flag == b.Flag && !a.Due.IsZero() && !b.Due.IsZero() && a.Due.After(b.Due) {
				t.Errorf("board out of order: %s (%s %s) before %s (%s %s)", a.ID, a.Flag, a.Due, b.ID, b.Flag, b.Due)
			}
		}
		rs, err = api.Due(ctx, index.DueQuery{AsOf: d("2022-07-01"), Committee: Licensing})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(rs); !slices.Equal(got, []string{licF}) {
			t.Errorf("the Licensing board = %v, want [%s]", got, licF)
		}
	})

	t.Run("records", func(t *testing.T) {
		api := open(t, Meetings())
		asOf := d("2022-07-01")
		for _, tc := range []struct {
			name string
			q    index.RecordQuery
			want []string
		}{
			{"actions and follow-ups by default, exempt left out", index.RecordQuery{AsOf: asOf, Committee: Scrutiny},
				[]string{datedA, undatedA, monthF, nextF, offsetF, janA, sepA}},
			{"exempt included", index.RecordQuery{AsOf: asOf, Committee: Scrutiny, IncludeExempt: true, To: d("2021-12-31")},
				[]string{datedA, undatedA, monthF, nextF, offsetF, exemptA}},
			{"resolutions asked for", index.RecordQuery{AsOf: asOf, Kinds: []minutes.Kind{minutes.KindResolution}},
				[]string{"osc-2021-12-14-180-r1"}},
			{"meeting dates", index.RecordQuery{AsOf: asOf, From: d("2022-01-01"), To: d("2022-06-30")},
				[]string{licF, janA}},
		} {
			rs, err := api.Records(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(rs); !sameSet(got, tc.want) {
				t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
			}
		}
	})

	t.Run("tracking", func(t *testing.T) {
		api := open(t, Meetings())
		done, progress := index.StatusDone, index.StatusInProgress
		later := d("2022-08-01")
		for id, c := range map[string]index.Change{
			datedA:  {Status: &done, Who: "clerk"},
			offsetF: {Status: &progress, Who: "clerk"},
			monthF:  {Due: &later, Who: "clerk"},
		} {
			if _, err := api.Update(ctx, id, c); err != nil {
				t.Fatalf("Update %s: %v", id, err)
			}
		}
		rs, err := api.Due(ctx, index.DueQuery{AsOf: d("2022-07-01")})
		if err != nil {
			t.Fatal(err)
		}
		if slices.Contains(ids(rs), datedA) {
			t.Errorf("%s is done but on the board", datedA)
		}
		check(t, "after edits", rs, map[string]want{
			offsetF: {index.FlagOverdue, "2022-06-14"},
			monthF:  {index.FlagDueNext, "2022-08-01"}, // the clerk's date stands
		})
		rs, err = api.Due(ctx, index.DueQuery{AsOf: d("2022-07-01"), IncludeClosed: true})
		if err != nil {
			t.Fatal(err)
		}
		check(t, "with closed", rs, map[string]want{datedA: {index.FlagDone, "2022-02-01"}})
		for _, r := range rs {
			if r.ID == offsetF && r.Status != progress {
				t.Errorf("%s has status %q, want %q", r.ID, r.Status, progress)
			}
		}
	})

	t.Run("returns", func(t *testing.T) {
		ms := Meetings()
		api := open(t, ms)
		answer := ms[2].ItemID(0) // September's item
		if err := api.LinkReturn(ctx, monthF, answer); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			asOf string
			want want
		}{
			{"2022-07-01", want{index.FlagSlipped, "2022-06-30"}},  // not yet come back
			{"2022-09-06", want{index.FlagReturned, "2022-06-30"}}, // came back at the September meeting
		} {
			rs, err := api.Due(ctx, index.DueQuery{AsOf: d(tc.asOf)})
			if err != nil {
				t.Fatal(err)
			}
			check(t, "linked, as of "+tc.asOf, rs, map[string]want{monthF: tc.want})
			for _, r := range rs {
				if r.ID != monthF {
					continue
				}
				if tc.want.flag == index.FlagReturned && (r.ReturnedTo == nil || r.ReturnedTo.ItemID != answer || r.ReturnedTo.MeetingDate != d("2022-09-06")) {
					t.Errorf("as of %s: returned to %+v, want %s", tc.asOf, r.ReturnedTo, answer)
				}
				if tc.want.flag != index.FlagReturned && r.ReturnedTo != nil {
					t.Errorf("as of %s: not returned yet, but ReturnedTo = %+v", tc.asOf, r.ReturnedTo)
				}
			}
		}
	})

	t.Run("next meeting", func(t *testing.T) {
		api := open(t, Meetings())
		for _, tc := range []struct {
			committee, after, want string
		}{
			{Scrutiny, "2021-12-14", "2022-01-13"}, // held on the 13th: the stated 11th no longer counts
			{Scrutiny, "2022-01-13", "2022-09-06"},
			{Scrutiny, "2022-09-06", ""},
			{Licensing, "2022-01-05", "2022-02-02"}, // stated in the minutes
		} {
			got, ok, err := api.NextMeeting(ctx, tc.committee, d(tc.after))
			if err != nil {
				t.Fatal(err)
			}
			if ok != (tc.want != "") || ok && got.String() != tc.want {
				t.Errorf("NextMeeting(%s, %s) = %s %v, want %q", tc.committee, tc.after, got, ok, tc.want)
			}
		}
	})
}

func check(t *testing.T, what string, rs []index.Record, want map[string]want) {
	t.Helper()
	for id, w := range want {
		i := slices.IndexFunc(rs, func(r index.Record) bool { return r.ID == id })
		if i < 0 {
			t.Errorf("%s: %s missing", what, id)
			continue
		}
		if r := rs[i]; r.Flag != w.flag || r.Due.String() != w.due {
			t.Errorf("%s: %s is %q due %q, want %q due %q", what, id, r.Flag, r.Due, w.flag, w.due)
		}
	}
}

func ids(rs []index.Record) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
