// Package exporttest provides an in-memory index.API holding a small,
// realistic library, for tests of exports and of the commands and views
// that call them. It knows nothing of bleve or SQLite.
package exporttest

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/indextest"
	"github.com/minutebook/minutebook/minutes"
)

// Library is an in-memory index.API: records and meetings held in
// slices, flags worked out by the library's one rule (minutes.FlagOf); it
// passes the conformance suite (index/indextest). Tests may change
// the fields directly; it is not safe for concurrent use while they do.
type Library struct {
	CommitteeList []index.Committee
	HeldMeetings  []index.MeetingSummary    // held meetings (imported minutes)
	Stated        map[string][]minutes.Date // committee → next-meeting dates the minutes state
	Stored        []index.Record            // without flags
	History       map[string][]index.HistoryEntry

	items []index.ItemRef // the items LinkReturn can link to (FromMeetings)
}

// ErrNotInFake is returned for what the fake does not hold or do (full-text
// search, meeting detail, unknown IDs).
var ErrNotInFake = errors.New("not in the fake library")

// D parses a YYYY-MM-DD date, panicking on a bad one.
func D(s string) minutes.Date {
	v, err := minutes.ParseISODate(s)
	if err != nil {
		panic(err)
	}
	return v
}

// At parses "2006-01-02 15:04" in local time, panicking on a bad one.
func At(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, time.Local)
	if err != nil {
		panic(err)
	}
	return t
}

// The library's committees.
const (
	OSC   = "Overview and Scrutiny Committee" // Harrow's, modelled on the bundled minutes
	Panel = "Riverside Place Scrutiny Panel"  // fictional
)

// New is a small library: Harrow's Overview and Scrutiny
// Committee (modelled on the bundled minutes) and a fictional Panel, with
// records chosen to exercise every section, flag and escaping rule.
func New() *Library {
	f := &Library{
		Stated:  map[string][]minutes.Date{OSC: {D("2022-06-21")}, Panel: {D("2023-04-04")}},
		History: map[string][]index.HistoryEntry{},
	}
	meet := func(committee, council, date string) {
		f.HeldMeetings = append(f.HeldMeetings, index.MeetingSummary{
			ID: minutes.CommitteeSlug(committee) + "-" + date, Council: council, Committee: committee, CommitteeKey: minutes.CommitteeSlug(committee),
			Date: D(date), Items: 8, Records: 12, SourceName: minutes.CommitteeSlug(committee) + "-" + date + ".txt",
		})
	}
	meet(OSC, "Harrow", "2021-09-14")
	meet(OSC, "Harrow", "2021-12-14")
	meet(OSC, "Harrow", "2022-01-11")
	meet(OSC, "Harrow", "2022-03-08")
	meet(Panel, "Northmere Borough Council", "2022-11-29")
	meet(Panel, "Northmere Borough Council", "2023-02-07")
	f.CommitteeList = []index.Committee{
		{Key: "osc", Name: OSC, Council: "Harrow", Meetings: 4, Last: D("2022-03-08")},
		{Key: "rpsp", Name: Panel, Council: "Northmere Borough Council", Meetings: 2, Last: D("2023-02-07")},
	}

	rec := func(id string, kind minutes.Kind, committee, minute, title, text string) *index.Record {
		parts := strings.Split(id, "-")
		date := D(parts[1] + "-" + parts[2] + "-" + parts[3])
		council := "Harrow"
		if committee == Panel {
			council = "Northmere Borough Council"
		}
		f.Stored = append(f.Stored, index.Record{
			ID: id, Kind: kind, Text: text, MeetingID: strings.Join(parts[:4], "-"), Council: council,
			Committee: committee, CommitteeKey: minutes.CommitteeSlug(committee), MeetingDate: date, Minute: minute, ItemTitle: title,
			SourceName: strings.Join(parts[:4], "-") + ".txt", Status: index.StatusOpen,
		})
		return &f.Stored[len(f.Stored)-1]
	}
	note := func(r *index.Record, when, text string) {
		r.LastNote = text
		r.UpdatedAt = At(when)
		f.History[r.ID] = append(f.History[r.ID], index.HistoryEntry{At: At(when), Who: "clerk", Field: "note", New: text})
	}

	r := rec("osc-2021-09-14-160-a1", minutes.KindAction, OSC, "160", "Fly-tipping enforcement",
		"The Director undertook to circulate the fly-tipping enforcement figures to Members.")
	r.ParsedOwner, r.Owner, r.ParsedDue, r.Due = "Director of Environment", "Director of Environment", D("2021-10-31"), D("2021-10-31")
	note(r, "2021-10-20 09:30", "Circulated by email.")
	r.Status = index.StatusDone

	r = rec("osc-2021-09-14-162-f1", minutes.KindFollowUp, OSC, "162", "Harrow Strategic Partnership",
		"the Committee receive an update on the work of the Harrow Strategic Partnership at its March 2022 meeting")
	r.ParsedDue, r.Due, r.DueMeeting, r.Provisional = D("2022-03-31"), D("2022-03-31"), "March 2022 meeting", true
	r.ReturnedTo = &index.ItemRef{MeetingID: "osc-2022-03-08", MeetingDate: D("2022-03-08"), Committee: OSC,
		Minute: "34", Title: "Harrow Strategic Partnership: annual update", Confirmed: true}

	r = rec("osc-2021-12-14-188-r2", minutes.KindResolution, OSC, "188", "Council's approach to Enforcement: Licensing and Enforcement Update",
		"the progress made by the Enforcement team, as set out in the officer report, be noted;")
	r.Part = "2"

	r = rec("osc-2021-12-14-188-a1", minutes.KindAction, OSC, "188", "Council's approach to Enforcement: Licensing and Enforcement Update",
		"an officer undertook to investigate with a view to helping businesses with the costs of trade waste collection")
	r.Status = index.StatusInProgress
	note(r, "2022-02-03 14:05", "Options paper with the Portfolio Holder.")

	r = rec("osc-2021-12-14-188-f1", minutes.KindFollowUp, OSC, "188", "Council's approach to Enforcement: Licensing and Enforcement Update",
		"a report be submitted to the June 2022 meeting of the Committee on fixed penalty notices, prosecutions, and the \"Don't Mess with Harrow\" campaign")
	r.ParsedDue, r.Due, r.DueMeeting, r.Provisional = D("2022-06-30"), D("2022-06-30"), "June 2022 meeting of the Committee", true

	r = rec("osc-2021-12-14-189-a1", minutes.KindAction, OSC, "189", "Community Safety and Violence against Women and Girls Strategy",
		`=HYPERLINK("http://x","y")`)
	r.ParsedOwner, r.Owner, r.ParsedDue, r.Due = "Borough Commander", "Borough Commander", D("2022-03-31"), D("2022-03-31")

	r = rec("osc-2021-12-14-189-f1", minutes.KindFollowUp, OSC, "189", "Community Safety and Violence against Women and Girls Strategy",
		"an update on the Youth Offending Team improvement plan be reported to the next meeting of the Committee")
	r.ParsedDue, r.Due, r.DueMeeting, r.Target = D("2022-01-11"), D("2022-01-11"), "the next meeting", minutes.NextTarget()

	r = rec("osc-2022-01-11-15-a1", minutes.KindAction, OSC, "15", "Civic Centre site: valuation",
		"The Director of Finance to provide Members with the valuation report for the Civic Centre site.")
	r.Exempt = true
	r.ParsedOwner, r.Owner, r.ParsedDue, r.Due = "Director of Finance", "Director of Finance", D("2022-06-21"), D("2022-06-21")

	r = rec("osc-2022-03-08-35-a1", minutes.KindAction, OSC, "35", "CCTV provision",
		"Officers to send the map of CCTV camera locations to all Members.")
	r.ParsedDue, r.Due = D("2022-04-30"), D("2022-04-30")
	r.Owner = "Head of Community Safety"
	note(r, "2022-04-02 11:00", "Map sent to all Members.")
	r.Status = index.StatusDone

	r = rec("osc-2022-03-08-36-a1", minutes.KindAction, OSC, "36", "Café Harrow: consultation results",
		"Members asked that the “Café Harrow” consultation results, broken down by ward, be circulated;\nthe Chair said: \"it's urgent\" — a résumé of costs (10%, £5,000) is needed.")
	r.ParsedOwner, r.Owner, r.ParsedDue, r.Due = "Head of Communities", "Head of Communities", D("2022-06-21"), D("2022-06-21")
	r.Status = index.StatusInProgress
	note(r, "2022-06-05 16:45", "Draft with the Director, awaiting sign-off; \"final\" by 15 June.")

	r = rec("osc-2022-03-08-36-f1", minutes.KindFollowUp, OSC, "36", "Café Harrow: consultation results",
		"a report on the Local Plan consultation be submitted to the Committee in September 2022")
	r.ParsedDue, r.Due, r.DueMeeting, r.Provisional = D("2022-09-30"), D("2022-09-30"), "September 2022", true

	rec("osc-2022-03-08-37-a1", minutes.KindAction, OSC, "37", "Any other business",
		"The Chair to write to the <b>Leader</b> about the <script>alert(1)</script> & other matters")

	// The fictional Panel.
	r = rec("rpsp-2023-02-07-5-a1", minutes.KindAction, Panel, "5", "Flood resilience",
		"+44 helpline number to be added to the flooding leaflet")
	r.Owner, r.Due = "Flood Risk Manager", D("2023-03-01")
	r.Status = index.StatusDone
	r.UpdatedAt = At("2023-02-20 10:00")

	r = rec("rpsp-2023-02-07-6-f1", minutes.KindFollowUp, Panel, "6", "Riverside litter",
		"@NorthmereCouncil social media campaign on riverside litter to be reported back to the Panel at its next meeting")
	r.ParsedDue, r.Due, r.DueMeeting, r.Target = D("2023-04-04"), D("2023-04-04"), "its next meeting", minutes.NextTarget()

	r = rec("rpsp-2023-02-07-7-a1", minutes.KindAction, Panel, "7", "Street lighting",
		"-\tlist of faulty lamp columns, by street, to be sent to ward councillors\r\nwithin 10 working days")
	r.Owner, r.Due = "Highways Manager", D("2023-02-21")

	rec("rpsp-2023-02-07-7-a2", minutes.KindAction, Panel, "7", "Street lighting",
		"\tOfficers to confirm the LED replacement timetable")
	return f
}

// FromMeetings is a library holding the meetings given, as if imported:
// their records untracked, their stated next-meeting dates known.
func FromMeetings(ms []*minutes.Meeting) *Library {
	f := &Library{Stated: map[string][]minutes.Date{}, History: map[string][]index.HistoryEntry{}}
	for _, m := range ms {
		n := 0
		for i := range m.Items {
			it := &m.Items[i]
			for _, r := range it.Records() {
				n++
				f.Stored = append(f.Stored, index.Record{
					ID: r.ID, Kind: r.Kind, Part: r.Part, Text: r.Text, MeetingID: m.ID(), Council: m.Council,
					Committee: m.Committee, CommitteeKey: minutes.CommitteeSlug(m.Committee), MeetingDate: m.Date, Minute: it.Number, ItemID: m.ItemID(i), ItemTitle: it.Title,
					Exempt: it.Exempt, SourceName: m.Source.Name, Line: r.Line, ParsedOwner: r.Owner, ParsedDue: r.Due,
					DueMeeting: r.DueMeeting, Provisional: r.Provisional, Target: r.Target, Status: index.StatusOpen,
					Owner: r.Owner, Due: r.Due,
				})
			}
		}
		f.HeldMeetings = append(f.HeldMeetings, index.MeetingSummary{ID: m.ID(), Council: m.Council, Committee: m.Committee, CommitteeKey: minutes.CommitteeSlug(m.Committee),
			Date: m.Date, Items: len(m.Items), Records: n, SourceName: m.Source.Name})
		if !m.NextMeeting.IsZero() {
			f.Stated[m.Committee] = append(f.Stated[m.Committee], m.NextMeeting)
		}
		f.items = append(f.items, itemsOf(m)...)
	}
	f.CommitteeList = indextest.CommitteesOf(ms)
	return f
}

// itemsOf lists a meeting's items, for LinkReturn.
func itemsOf(m *minutes.Meeting) []index.ItemRef {
	out := make([]index.ItemRef, len(m.Items))
	for i, it := range m.Items {
		out[i] = index.ItemRef{ItemID: m.ItemID(i), MeetingID: m.ID(), MeetingDate: m.Date, Committee: m.Committee,
			Minute: it.Number, Title: it.Title}
	}
	return out
}

// calendar is a committee's known meetings: the held ones, and each
// stated next-meeting date as announced by the last held meeting before it.
func (f *Library) calendar(committee string) minutes.Calendar {
	var held []minutes.HeldMeeting
	for _, m := range f.HeldMeetings {
		if is(m.Committee, committee) {
			held = append(held, minutes.HeldMeeting{Date: m.Date})
		}
	}
	for _, s := range f.Stated[f.name(committee)] {
		var by minutes.Date
		for _, h := range held {
			if h.Date.Before(s) && h.Date.After(by) {
				by = h.Date
			}
		}
		held = append(held, minutes.HeldMeeting{Date: by, Next: s})
	}
	return minutes.NewCalendar(held)
}

// flagged is r with its flag as of asOf, by the library's one rule
// (minutes.FlagOf). Its ReturnedTo is kept only when it has come back by
// then, as the library does.
func (f *Library) flagged(r index.Record, asOf minutes.Date) index.Record {
	t := minutes.Tracked{Kind: r.Kind, Status: r.Status, MeetingDate: r.MeetingDate, Due: r.Due,
		Provisional: r.Provisional, Target: r.Target, DueSet: r.Due != r.ParsedDue}
	if r.ReturnedTo != nil {
		t.ReturnedAt = r.ReturnedTo.MeetingDate
	}
	s := minutes.FlagOf(t, f.calendar(r.Committee), asOf)
	r.Flag, r.Due, r.Provisional = s.Flag, s.Due, s.Provisional
	if s.Flag != index.FlagReturned {
		r.ReturnedTo = nil
	}
	return r
}

func (f *Library) Records(_ context.Context, q index.RecordQuery) ([]index.Record, error) {
	kinds := q.Kinds
	if kinds == nil {
		kinds = []minutes.Kind{minutes.KindAction, minutes.KindFollowUp}
	}
	var out []index.Record
	for _, r := range f.Stored {
		switch {
		case q.Committee != "" && !is(r.Committee, q.Committee),
			q.Council != "" && !f.inCouncil(r, q.Council),
			!slices.Contains(kinds, r.Kind),
			q.Statuses != nil && !slices.Contains(q.Statuses, r.Status),
			!q.From.IsZero() && r.MeetingDate.Before(q.From),
			!q.To.IsZero() && r.MeetingDate.After(q.To),
			r.Exempt && !q.IncludeExempt:
			continue
		}
		out = append(out, f.flagged(r, q.AsOf))
	}
	slices.SortStableFunc(out, func(x, y index.Record) int {
		if c := x.MeetingDate.Compare(y.MeetingDate); c != 0 {
			return c
		}
		return compareNumbers(x.Minute, y.Minute)
	})
	return out, nil
}

func (f *Library) Record(_ context.Context, id string) (index.Record, []index.HistoryEntry, error) {
	for _, r := range f.Stored {
		if r.ID == id {
			return r, f.History[id], nil
		}
	}
	return index.Record{}, nil, ErrNotInFake
}

func (f *Library) Committees(context.Context) ([]index.Committee, error) {
	return f.CommitteeList, nil
}

func (f *Library) Councils(context.Context) ([]index.Council, error) {
	return index.CouncilsOf(f.CommitteeList), nil
}

// inCouncil reports whether a record's council is the one typed
// (index.MatchCouncil); a council no committee has matches nothing.
func (f *Library) inCouncil(r index.Record, typed string) bool {
	c, err := index.MatchCouncil(index.CouncilsOf(f.CommitteeList), typed)
	return err == nil && c.Key == index.CouncilKey(r.Council)
}

func (f *Library) Meetings(_ context.Context, committee string) ([]index.MeetingSummary, error) {
	var out []index.MeetingSummary
	for _, m := range f.HeldMeetings {
		if committee == "" || is(m.Committee, committee) {
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(x, y index.MeetingSummary) int { return y.Date.Compare(x.Date) })
	return out, nil
}

func (f *Library) NextMeeting(_ context.Context, committee string, after minutes.Date) (minutes.Date, bool, error) {
	d, ok := f.calendar(committee).After(after)
	return d, ok, nil
}

// Due lists open records with their flags, by flag then due date.
func (f *Library) Due(ctx context.Context, q index.DueQuery) ([]index.Record, error) {
	asOf := q.AsOf
	if asOf.IsZero() {
		asOf = minutes.DateOf(time.Now())
	}
	recs, err := f.Records(ctx, index.RecordQuery{AsOf: asOf, Committee: q.Committee, Council: q.Council, IncludeExempt: true})
	if err != nil {
		return nil, err
	}
	out := recs[:0]
	for _, r := range recs {
		// Like the library: closed records only when asked for, and
		// nothing minuted after the as-of date.
		if (q.IncludeClosed || !r.Status.Closed()) && !r.MeetingDate.After(asOf) {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(x, y index.Record) int {
		if c := x.Flag.Rank() - y.Flag.Rank(); c != 0 {
			return c
		}
		return x.Due.Compare(y.Due)
	})
	return out, nil
}

// Update applies a change to the stored record and its history.
func (f *Library) Update(_ context.Context, id string, c index.Change) (index.Record, error) {
	for i := range f.Stored {
		r := &f.Stored[i]
		if r.ID != id {
			continue
		}
		now := time.Now()
		add := func(field, old, new string) {
			f.History[id] = append(f.History[id], index.HistoryEntry{At: now, Who: c.Who, Field: field, Old: old, New: new})
		}
		if c.Status != nil {
			add("status", string(r.Status), string(*c.Status))
			r.Status = *c.Status
		}
		if c.Owner != nil {
			add("owner", r.Owner, *c.Owner)
			r.Owner = *c.Owner
		}
		if c.Due != nil {
			d := *c.Due
			if d.IsZero() {
				d = r.ParsedDue
			}
			add("due", r.Due.String(), d.String())
			r.Due = d
		}
		if c.Note != "" {
			add("note", "", c.Note)
			r.LastNote = c.Note
		}
		r.UpdatedAt = now
		return *r, nil
	}
	return index.Record{}, ErrNotInFake
}

// The rest of index.API is not used by exports.

func (f *Library) Search(context.Context, index.SearchQuery) (*index.SearchResult, error) {
	return nil, ErrNotInFake
}

// LinkReturn confirms a follow-up's return to an item of FromMeetings'
// meetings, or removes it.
func (f *Library) LinkReturn(_ context.Context, followUpID string, itemID string) error {
	i := slices.IndexFunc(f.Stored, func(r index.Record) bool { return r.ID == followUpID })
	if i < 0 {
		return ErrNotInFake
	}
	if itemID == "" {
		f.Stored[i].ReturnedTo = nil
		return nil
	}
	j := slices.IndexFunc(f.items, func(it index.ItemRef) bool { return it.ItemID == itemID })
	if j < 0 {
		return ErrNotInFake
	}
	ref := f.items[j]
	ref.Confirmed = true
	f.Stored[i].ReturnedTo = &ref
	return nil
}

func (f *Library) Meeting(context.Context, string) (*index.MeetingDetail, error) {
	return nil, ErrNotInFake
}

func (f *Library) Generation(context.Context) (int64, error) { return 1, nil }

var _ index.API = (*Library)(nil)

// is reports whether the committee named name is the one given by its key
// (its initials: the fake holds one council) or name.
func is(name, committee string) bool {
	return committee == name || committee == minutes.CommitteeSlug(name)
}

// name is the name of the committee given by key or name.
func (f *Library) name(committee string) string {
	for _, c := range f.CommitteeList {
		if is(c.Name, committee) {
			return c.Name
		}
	}
	return committee
}

// compareNumbers orders minute numbers numerically where they are numbers.
func compareNumbers(a, b string) int {
	x, errA := strconv.Atoi(a)
	y, errB := strconv.Atoi(b)
	if errA == nil && errB == nil {
		return x - y
	}
	return strings.Compare(a, b)
}
