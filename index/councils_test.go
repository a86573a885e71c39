package index

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/index/internal/store"
	"github.com/minutebook/minutebook/minutes"
)

func TestMatchCouncil(t *testing.T) {
	cs := []Council{
		{Key: "harrow", Name: "Harrow Council"},
		{Key: "harlow", Name: "Harlow District Council"},
		{Key: "des moines", Name: "Des Moines City Council"},
		{Key: "portland", Name: "City of Portland"},
	}
	for _, tc := range []struct {
		typed, want string
		matches     int // of a CouncilError: candidates listed
	}{
		{typed: "Harrow Council", want: "harrow"},
		{typed: "harrow council", want: "harrow"},
		{typed: "  HARROW   ", want: "harrow"},
		{typed: "London Borough of Harrow", want: "harrow"}, // by key
		{typed: "harr", want: "harrow"},                     // a unique prefix
		{typed: "harl", want: "harlow"},
		{typed: "har", matches: 2},
		{typed: "des", want: "des moines"},
		{typed: "Des Moines", want: "des moines"},
		{typed: "port", want: "portland"}, // the key's prefix: "City of" left out
		{typed: "city of p", want: "portland"},
		{typed: "wexbridge", matches: 0},
		{typed: "", matches: 0},
	} {
		c, err := MatchCouncil(cs, tc.typed)
		if tc.want != "" {
			if err != nil || c.Key != tc.want {
				t.Errorf("MatchCouncil(%q) = %q, %v; want %q", tc.typed, c.Key, err, tc.want)
			}
			continue
		}
		var ce *CouncilError
		if !errors.As(err, &ce) || len(ce.Matches) != tc.matches || !errors.Is(err, ErrNotFound) {
			t.Errorf("MatchCouncil(%q) = %q, %v; want a CouncilError with %d candidates", tc.typed, c.Key, err, tc.matches)
			continue
		}
		// The message lists what to choose from.
		if want := "Harlow District Council"; !strings.Contains(err.Error(), want) {
			t.Errorf("MatchCouncil(%q): %v, want it to name %s", tc.typed, err, want)
		}
	}
	if _, err := MatchCouncil(nil, "harrow"); err == nil || !strings.Contains(err.Error(), "--council") {
		t.Errorf("no councils: %v, want advice to import with --council", err)
	}
}

// twoCouncilsLibrary imports twoCouncils side by side.
func twoCouncilsLibrary(t *testing.T) *Library {
	t.Helper()
	l := openLib(t, ":memory:")
	mustImport(t, l, twoCouncils()...)
	return l
}

func TestCouncils(t *testing.T) {
	ctx := context.Background()
	l := twoCouncilsLibrary(t)
	cs, err := l.Councils(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cs {
		var keys []string
		for _, cm := range c.Committees {
			keys = append(keys, cm.Key)
		}
		got = append(got, fmt.Sprintf("%s|%s|%d|%s", c.Key, c.Name, c.Meetings, strings.Join(keys, ",")))
	}
	// Des Moines' minutes spell it two ways: the spelling of its
	// committees with the most meetings is its name (its City Council's
	// latest minutes').
	if want := []string{"portland|City of Portland|2|cc,osc", "des moines|City of Des Moines|3|cc-dm,osc-dm"}; !sameStrings(got, want) {
		t.Errorf("councils = %q, want %q", got, want)
	}
}

// Every listing takes a council: two councils' committees of one name
// stay apart, and a committee named with a council is that council's.
func TestCouncilFilters(t *testing.T) {
	ctx := context.Background()
	l := twoCouncilsLibrary(t)
	asOf := date("2022-07-01")
	ids := func(rs []Record) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.ID)
		}
		slices.Sort(out)
		return out
	}
	for _, tc := range []struct {
		council, committee string
		want               []string
		err                string
	}{
		{council: "", want: []string{"cc-2022-01-12-12-f1", "osc-2022-01-20-4-f1"}},
		{council: "portland", want: []string{"cc-2022-01-12-12-f1", "osc-2022-01-20-4-f1"}},
		{council: "Portland City Council", committee: "Overview and Scrutiny Committee", want: []string{"osc-2022-01-20-4-f1"}},
		{council: "port", committee: "city council", want: []string{"cc-2022-01-12-12-f1"}},
		{council: "des moines"},
		{council: "des moines", committee: "City Council"},
		{council: "wexbridge", err: "no council matches"},
		{council: "portland", committee: "Licensing", err: "no committee matches"},
	} {
		name := tc.council + "/" + tc.committee
		for _, list := range []struct {
			what string
			get  func() ([]Record, error)
		}{
			{"Due", func() ([]Record, error) {
				return l.Due(ctx, DueQuery{AsOf: asOf, Council: tc.council, Committee: tc.committee})
			}},
			{"Records", func() ([]Record, error) {
				return l.Records(ctx, RecordQuery{AsOf: asOf, Council: tc.council, Committee: tc.committee})
			}},
			{"Review", func() ([]Record, error) {
				rs, err := l.Review(ctx, ReviewQuery{AsOf: asOf, Council: tc.council, Committee: tc.committee})
				if len(rs) > 0 {
					return rs, fmt.Errorf("review queue of %d records, want none", len(rs))
				}
				return nil, err
			}},
		} {
			rs, err := list.get()
			switch {
			case tc.err != "":
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("%s %s: %v, want an error saying %q", list.what, name, err, tc.err)
				}
			case err != nil:
				t.Errorf("%s %s: %v", list.what, name, err)
			case list.what != "Review" && !slices.Equal(ids(rs), tc.want):
				t.Errorf("%s %s = %v, want %v", list.what, name, ids(rs), tc.want)
			}
		}
	}

	// Search: by the filter and by council:, with a council facet.
	for _, tc := range []struct {
		q    SearchQuery
		want int
	}{
		{SearchQuery{Text: "street lighting"}, 3},
		{SearchQuery{Text: "street lighting", Council: "des moines"}, 1},
		{SearchQuery{Text: "street lighting council:portland"}, 2},
		{SearchQuery{Text: "kind:item", Council: "des", Committee: "city council"}, 2},
		{SearchQuery{Text: "kind:item -council:des"}, 2},
	} {
		res, err := l.Search(ctx, tc.q)
		if err != nil || int(res.Total) != tc.want {
			t.Errorf("Search(%+v) = %v, %v; want %d hits", tc.q, res, err, tc.want)
		}
	}
	res, err := l.Search(ctx, SearchQuery{Text: "kind:item", Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, f := range res.Facets["council"] {
		got[f.Value] = f.Count
	}
	if want := map[string]int{"City of Portland": 2, "City of Des Moines": 3}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("council facet = %v, want %v", got, want)
	}
	for _, h := range res.Hits {
		if want := map[bool]string{true: "City of Des Moines", false: "City of Portland"}[strings.Contains(h.ID, "-dm-")]; h.Council != want {
			t.Errorf("hit %s: council %q, want %q", h.ID, h.Council, want)
		}
	}
	// The facet's value, as the TUI hands it back, selects the council.
	res, err = l.Search(ctx, SearchQuery{Text: "kind:item", Council: "City of Des Moines"})
	if err != nil || res.Total != 3 {
		t.Errorf("Search by the facet's value: %v, %v", res, err)
	}
	if _, err := l.Search(ctx, SearchQuery{Text: "council:xyz"}); err == nil || !strings.Contains(err.Error(), "City of Portland") {
		t.Errorf("council:xyz: %v, want an error listing the councils", err)
	}
}

// unnamedMeeting is minutes that do not name their council.
func unnamedMeeting(committee, d string, items ...minutes.Item) *minutes.Meeting {
	m := &minutes.Meeting{Committee: committee, Date: date(d), Source: minutes.Source{Name: committee + " " + d + ".txt"}, Items: items}
	assignTestIDs(m)
	return m
}

// A council given at import files minutes that do not name one; minutes
// that name another keep it unless forced; the council is kept with the
// document through reparse and reindex; importing the same file with
// another council files it again.
func TestImportCouncil(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, t.TempDir())
	mustImport(t, l, twoCouncils()...)
	lighting := func() minutes.Item {
		return minutes.Item{Number: "5", Title: "Street Lighting", Body: "Street lighting.",
			Actions: []minutes.Record{{Text: "The Clerk to report on street lighting.", Owner: "Clerk"}}}
	}
	unnamed := unnamedMeeting("City Council", "2022-03-09", lighting())
	named := unnamedMeeting("Overview and Scrutiny Committee", "2022-03-10", lighting())
	named.Council = "City of Portland"

	for _, tc := range []struct {
		what             string
		m                *minutes.Meeting
		opt              ImportOptions
		id, council      string
		councilNamed     string
		warning, refiled bool
	}{
		// Two councils have a City Council: unnamed minutes could be
		// either's; the council given says whose.
		{what: "unnamed, given", m: unnamed, opt: ImportOptions{Council: "des moines city council"}, id: "cc-dm-2022-03-09", council: "des moines city council"},
		{what: "named, same council", m: named, opt: ImportOptions{Council: "Portland"}, id: "osc-2022-03-10", council: "City of Portland"},
	} {
		res, err := l.ImportWith(ctx, tc.m.Source.Name, encode(tc.m), tc.opt)
		if err != nil || res.MeetingID != tc.id || res.Council != tc.council || res.CouncilNamed != tc.councilNamed {
			t.Errorf("%s: %+v, %v; want %s under %q", tc.what, res, err, tc.id, tc.council)
		}
	}
	// Filed so, its records are that council's.
	rs, err := l.Due(ctx, DueQuery{AsOf: date("2022-07-01"), Council: "des moines"})
	if err != nil || len(rs) != 1 || rs[0].ID != "cc-dm-2022-03-09-5-a1" {
		t.Fatalf("Des Moines' due = %+v, %v", rs, err)
	}

	// Minutes naming another council keep it, with a warning; forced,
	// they take the one given.
	other := unnamedMeeting("Licensing Panel", "2022-03-11")
	other.Council = "City of Portland"
	res, err := l.ImportWith(ctx, other.Source.Name, encode(other), ImportOptions{Council: "Des Moines"})
	if err != nil || res.Council != "City of Portland" || res.CouncilNamed != "City of Portland" || !hasWarning(res.Warnings, "--force-council") {
		t.Errorf("another council named: %+v, %v", res, err)
	}
	forced := unnamedMeeting("Planning Panel", "2022-03-12")
	forced.Council = "City of Portland"
	res, err = l.ImportWith(ctx, forced.Source.Name, encode(forced), ImportOptions{Council: "Des Moines", ForceCouncil: true})
	if err != nil || res.Council != "Des Moines" || res.CouncilNamed != "City of Portland" || !hasWarning(res.Warnings, "as the import asked") {
		t.Errorf("forced: %+v, %v", res, err)
	}

	// Reparse and reindex keep what the import said.
	if _, err := l.Reparse(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Reindex(ctx); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"cc-dm-2022-03-09": "des moines city council", "pp-2022-03-12": "Des Moines", "lp-2022-03-11": "City of Portland"} {
		m, err := l.Meeting(ctx, id)
		if err != nil || m.Council != want {
			t.Errorf("after reparse, %s: %+v, %v; want council %q", id, m, err, want)
		}
	}
	for council, want := range map[string]int{"des moines": 4, "portland": 3} {
		res, err := l.Search(ctx, SearchQuery{Council: council, Kind: "item"})
		if err != nil || int(res.Total) != want {
			t.Errorf("after reindex, %s's items: %v, %v; want %d", council, res, err, want)
		}
	}

	// The same file again with another council is filed again; with the
	// council it has, nothing changes.
	res, err = l.ImportWith(ctx, forced.Source.Name, encode(forced), ImportOptions{Council: "Des Moines"})
	if err != nil || !res.Duplicate || !res.Refiled || res.Council != "City of Portland" || res.CouncilNamed != "City of Portland" {
		t.Errorf("refiled: %+v, %v", res, err)
	}
	res, err = l.ImportWith(ctx, forced.Source.Name, encode(forced), ImportOptions{Council: "Des Moines"})
	if err != nil || !res.Duplicate || res.Refiled {
		t.Errorf("the same council again: %+v, %v", res, err)
	}

	// Filed under another council, a meeting would change its ID: not
	// when clerks have tracked its records.
	tracked := unnamedMeeting("Licensing Panel", "2022-03-18", minutes.Item{Number: "2", Title: "Taxis", Body: "Taxis.",
		Actions: []minutes.Record{{Text: "The Clerk to write to the operators.", Owner: "Clerk"}}})
	tracked.Council = "City of Portland"
	assignTestIDs(tracked)
	mustImport(t, l, tracked)
	if _, err := l.Update(ctx, "lp-2022-03-18-2-a1", Change{Status: ptr(StatusDone)}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.ImportWith(ctx, tracked.Source.Name, encode(tracked), ImportOptions{Council: "Des Moines", ForceCouncil: true}); err == nil ||
		!strings.Contains(err.Error(), "would become lp-dm-2022-03-18") {
		t.Errorf("refiling a tracked meeting under another council's committee: %v", err)
	}
	if r, _, err := l.Record(ctx, "lp-2022-03-18-2-a1"); err != nil || r.Council != "City of Portland" || r.Status != StatusDone {
		t.Errorf("after the refused refile: %+v, %v", r, err)
	}

	for _, bad := range []ImportOptions{{Council: "  \x1b[31m "}, {Council: strings.Repeat("Council ", 40)}, {ForceCouncil: true}, {Council: "!!!"}} {
		if _, err := l.ImportWith(ctx, "bad.txt", encode(unnamedMeeting("Cabinet", "2022-04-01")), bad); !errors.Is(err, ErrBadCouncil) {
			t.Errorf("ImportWith(%+v): %v, want ErrBadCouncil", bad, err)
		}
	}
}

func hasWarning(ws []minutes.Warning, s string) bool {
	return slices.ContainsFunc(ws, func(w minutes.Warning) bool { return strings.Contains(w.Msg, s) })
}

// Minutes that name no council, filed under one later (the same file
// imported again with --council), take their committee to that council,
// and its meetings' search documents follow.
func TestCouncilAdoptsCommittee(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, t.TempDir())
	first := unnamedMeeting("Overview and Scrutiny Committee", "2021-12-14", minutes.Item{Number: "188", Title: "Enforcement", Body: "Fly-tipping."})
	second := unnamedMeeting("Overview and Scrutiny Committee", "2022-01-11", minutes.Item{Number: "2", Title: "Housing", Body: "Housing."})
	mustImport(t, l, first, second)
	if cs, err := l.Councils(ctx); err != nil || len(cs) != 0 {
		t.Fatalf("councils before = %+v, %v", cs, err)
	}
	if _, err := l.Search(ctx, SearchQuery{Text: "housing"}); err != nil { // the index is built
		t.Fatal(err)
	}
	res, err := l.ImportWith(ctx, first.Source.Name, encode(first), ImportOptions{Council: "Harrow Council"})
	if err != nil || !res.Refiled || res.MeetingID != "osc-2021-12-14" {
		t.Fatalf("refile: %+v, %v", res, err)
	}
	cs, err := l.Councils(ctx)
	if err != nil || len(cs) != 1 || cs[0].Name != "Harrow Council" || cs[0].Meetings != 2 {
		t.Fatalf("councils after = %+v, %v", cs, err)
	}
	// The other meeting of the committee is Harrow's too, in search.
	sr, err := l.Search(ctx, SearchQuery{Text: "housing", Council: "harrow"})
	if err != nil || sr.Total != 1 {
		t.Errorf("Harrow's housing: %+v, %v", sr, err)
	}
}

// A library made before this change (schema 6: a council kept with each
// document, none forced) opens with every ID as it was, and a second
// council's committee of the same name gets a key of its own.
func TestCouncilsKeepOldIDs(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	l := openLib(t, dir)
	cabinet := unnamedMeeting("Cabinet", "2022-01-10", minutes.Item{Number: "4", Title: "Budget", Body: "Budget.",
		Actions: []minutes.Record{{Text: "The Treasurer to report.", Owner: "Treasurer"}}})
	cabinet.Council = "Harrow Council"
	assignTestIDs(cabinet)
	mustImport(t, l, cabinet, unnamedMeeting("Overview and Scrutiny Committee", "2022-01-11"))
	if _, err := l.Update(ctx, "cabinet-2022-01-10-4-a1", Change{Status: ptr(StatusDone), Note: "sent"}); err != nil {
		t.Fatal(err)
	}
	l.Close()

	// Back to schema 6: no forced councils with the documents.
	db, err := sql.Open("sqlite", filepath.Join(dir, store.File))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"ALTER TABLE sources DROP COLUMN force_council", "PRAGMA user_version = 6"} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	l = openLib(t, dir)
	ms, err := l.Meetings(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, m := range ms {
		ids = append(ids, m.ID)
	}
	if want := []string{"osc-2022-01-11", "cabinet-2022-01-10"}; !slices.Equal(ids, want) {
		t.Errorf("meetings = %v, want %v", ids, want)
	}
	if _, err := l.Reparse(ctx); err != nil {
		t.Fatal(err)
	}
	brent := unnamedMeeting("Cabinet", "2022-01-10", minutes.Item{Number: "4", Title: "Budget", Body: "Budget."})
	res, err := l.ImportWith(ctx, "brent cabinet.txt", encode(brent), ImportOptions{Council: "Brent Council"})
	if err != nil || res.MeetingID != "cabinet-brent-2022-01-10" {
		t.Errorf("Brent's cabinet: %+v, %v", res, err)
	}
	r, _, err := l.Record(ctx, "cabinet-2022-01-10-4-a1")
	if err != nil || r.Status != StatusDone || r.Council != "Harrow Council" {
		t.Errorf("Harrow's action after the upgrade: %+v, %v", r, err)
	}
	// The unnamed committee is in no council until one is given.
	if rs, err := l.Due(ctx, DueQuery{AsOf: date("2022-07-01"), Council: "harrow", IncludeClosed: true}); err != nil || len(rs) != 1 {
		t.Errorf("Harrow's records: %d, %v", len(rs), err)
	}
}

// A council given at import is kept with the document through a re-parse
// and a second Library on the folder, and does not replace a council the
// minutes name.
func TestImportCouncilKeptWithTheDocument(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	l := openLib(t, dir)
	unnamed := harrow()
	unnamed.Council = ""
	res, err := l.ImportWith(ctx, unnamed.Source.Name, encode(unnamed), ImportOptions{Council: " Ashby  Parish Council "})
	if err != nil {
		t.Fatal(err)
	}
	named := laterHarrow("2022-01-11", false)
	res2, err := l.ImportWith(ctx, named.Source.Name, encode(named), ImportOptions{Council: "Ashby Parish Council"})
	if err != nil {
		t.Fatal(err)
	}
	if !hasWarning(res2.Warnings, "--force-council") {
		t.Errorf("no warning that the minutes name another council: %+v", res2.Warnings)
	}
	councilOf := func(l *Library, id string) string {
		t.Helper()
		m, err := l.Meeting(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return m.Council
	}
	if got := councilOf(l, res.MeetingID); got != "Ashby Parish Council" {
		t.Errorf("council %q, want the one given at import", got)
	}
	if got := councilOf(l, res2.MeetingID); got != "Harrow Council" {
		t.Errorf("council %q, want the minutes' own", got)
	}
	if _, err := l.Reparse(ctx); err != nil {
		t.Fatal(err)
	}
	if got := councilOf(l, res.MeetingID); got != "Ashby Parish Council" {
		t.Errorf("after reparse: council %q, want the one given at import", got)
	}
	l2 := openLib(t, dir)
	if got := councilOf(l2, res.MeetingID); got != "Ashby Parish Council" {
		t.Errorf("second library: council %q", got)
	}
}

// The council rule over names as the minutes spell them: a council's
// spellings are one council; a name's words on their own find it too.
func TestMatchCouncilByWords(t *testing.T) {
	var cs []Committee
	for _, name := range []string{"Ashby Parish Council", "Corby Town Council", "Brackley Town Council", "City of Portland", "Portland City Council",
		"Stroud Town Council", "Stroud District Council"} {
		cs = append(cs, Committee{Key: minutesSlug(name), Name: "Full Council", Council: name, Meetings: 1})
	}
	all := CouncilsOf(cs)
	for _, tc := range []struct{ typed, want, err string }{
		{"ashby parish council", "ashby parish", ""},
		{"Brack", "brackley town", ""},
		{"parish", "ashby parish", ""},
		{"Town of Stroud", "stroud town", ""}, // a town council and its district are two
		{"stroud district", "stroud", ""},
		{"portland city", "portland", ""},
		{"town council", "", "matches 3 councils"},
		{"Daventry", "", "the library has"},
	} {
		got, err := MatchCouncil(all, tc.typed)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: err %v, want %q", tc.typed, err, tc.err)
			}
			continue
		}
		if err != nil || got.Key != tc.want {
			t.Errorf("%q: %q, %v; want %q", tc.typed, got.Key, err, tc.want)
		}
	}
}

func minutesSlug(name string) string { return strings.ToLower(strings.ReplaceAll(name, " ", "-")) }

// CommitteesOfCouncil keeps one council's committees, by the council rule;
// an unknown or ambiguous council is an error naming them.
func TestCommitteesOfCouncil(t *testing.T) {
	cs := []Committee{
		{Key: "cabinet", Name: "Cabinet", Council: "London Borough of Harrow"},
		{Key: "osc", Name: "Overview and Scrutiny Committee", Council: "Harrow Council"},
		{Key: "cabinet-brent", Name: "Cabinet", Council: "Brent Council"},
		{Key: "pc", Name: "Parish Council", Council: ""},
	}
	for _, tc := range []struct {
		typed string
		want  []string // keys; nil with err set
		err   string
	}{
		{"", []string{"cabinet", "osc", "cabinet-brent", "pc"}, ""},
		{"harrow", []string{"cabinet", "osc"}, ""},
		{"BRENT COUNCIL", []string{"cabinet-brent"}, ""},
		{"  brent ", []string{"cabinet-brent"}, ""},
		{"council", nil, "matches 2 councils"},
		{"Wexcombe", nil, "the library has Brent Council; "},
	} {
		got, err := CommitteesOfCouncil(cs, tc.typed)
		var keys []string
		for _, c := range got {
			keys = append(keys, c.Key)
		}
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("CommitteesOfCouncil(%q) = %v, %v; want an error with %q", tc.typed, keys, err, tc.err)
			}
			continue
		}
		if err != nil || !slices.Equal(keys, tc.want) {
			t.Errorf("CommitteesOfCouncil(%q) = %v, %v; want %v", tc.typed, keys, err, tc.want)
		}
	}
}
