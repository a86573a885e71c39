package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/index/indextest"
	"github.com/minutebook/minutebook/minutes"
)

// councilMeeting is a meeting of a committee two councils have: an action
// due in February 2022 and a follow-up due back at the next meeting.
func councilMeeting(council, committee, d, next, subject string) *minutes.Meeting {
	chair := map[string]string{"Libraries": "Ann Lee", "Parking": "Bob Kay", "Housing": "Cat Roe", "Waste": "Dee Poe", "Taxis": "Eve Day"}[subject]
	m := &minutes.Meeting{Council: council, Committee: committee, Date: isoDate(d), NextMeeting: isoDate(next),
		Attendance: minutes.Attendance{Chair: chair},
		Source:     minutes.Source{Name: council + " " + committee + " " + d + ".txt"},
		Items: []minutes.Item{{Number: "4", Title: subject, Body: subject + ".",
			Actions: []minutes.Record{{Text: "Officers to circulate the " + subject + " figures.", Owner: "Treasurer",
				Due: isoDate("2022-02-01"), Target: minutes.DateTarget()}},
			FollowUps: []minutes.Record{{Text: "A report on the " + subject + " be brought to the next meeting.", DueMeeting: "the next meeting",
				Due: isoDate(next), Target: minutes.NextTarget()}},
		}}}
	indextest.AssignIDs(m)
	return m
}

// writeDocs writes meetings as documents into a new folder.
func writeDocs(t *testing.T, ms ...*minutes.Meeting) string {
	t.Helper()
	dir := t.TempDir()
	for _, m := range ms {
		if err := os.WriteFile(filepath.Join(dir, m.Source.Name), meetingDoc(m), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// twoCouncilsCLI is a library of Harrow's and Brent's committees, which
// share their names: Harrow's minutes name Harrow, Brent's name no
// council and are imported with --council. It returns the library.
func twoCouncilsCLI(t *testing.T) string {
	t.Helper()
	lib := filepath.Join(t.TempDir(), "lib")
	harrow := writeDocs(t,
		councilMeeting("Harrow Council", "Cabinet", "2022-01-10", "2022-02-14", "Libraries"),
		councilMeeting("Harrow Council", "Overview and Scrutiny Committee", "2022-01-11", "2022-02-15", "Parking"))
	brent := writeDocs(t,
		councilMeeting("", "Cabinet", "2022-01-10", "2022-02-21", "Housing"),
		councilMeeting("", "Overview and Scrutiny Committee", "2022-01-12", "2022-02-16", "Waste"))
	if out, errOut, code := runLib(t, lib, "import", harrow); code != 0 {
		t.Fatalf("import Harrow: %d\n%s%s", code, out, errOut)
	}
	out, errOut, code := runLib(t, lib, "import", "--council", "Brent Council", brent)
	if code != 0 || errOut != "" || !strings.Contains(out, "Imported 2 files") {
		t.Fatalf("import Brent: %d\n%s%s", code, out, errOut)
	}
	return lib
}

// Two councils whose committees share names, imported side by side: the
// IDs stay apart and every listing takes --council.
func TestTwoCouncilsSideBySide(t *testing.T) {
	useFakeParser(t)
	lib := twoCouncilsCLI(t)
	jsonIDs := func(args ...string) []string {
		t.Helper()
		out, errOut, code := runLib(t, lib, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d\n%s", args, code, errOut)
		}
		var recs []struct{ ID, Council string }
		if err := json.Unmarshal([]byte(out), &recs); err != nil {
			var log struct {
				Records []struct{ ID, Council string }
			}
			if err := json.Unmarshal([]byte(out), &log); err != nil {
				t.Fatalf("%v: %v\n%s", args, err, out)
			}
			recs = log.Records
		}
		var ids []string
		for _, r := range recs {
			ids = append(ids, r.ID)
		}
		slices.Sort(ids)
		return ids
	}
	brent := []string{"cabinet-brent-2022-01-10-4-a1", "cabinet-brent-2022-01-10-4-f1", "osc-brent-2022-01-12-4-a1", "osc-brent-2022-01-12-4-f1"}
	harrow := []string{"cabinet-2022-01-10-4-a1", "cabinet-2022-01-10-4-f1", "osc-2022-01-11-4-a1", "osc-2022-01-11-4-f1"}
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"due", "--json"}, slices.Sorted(slices.Values(slices.Concat(brent, harrow)))},
		{[]string{"due", "--json", "--council", "brent"}, brent},
		{[]string{"due", "--json", "--council", "HARROW COUNCIL"}, harrow},
		{[]string{"due", "--json", "--council", "London Borough of Harrow", "--committee", "Cabinet"}, harrow[:2]},
		{[]string{"due", "--json", "--council", "bre", "--committee", "osc-brent"}, brent[2:]},
		{[]string{"export", "actions", "--format", "json", "--council", "brent"}, brent},
		{[]string{"export", "actions", "--json", "--council", "harrow", "--committee", "cabinet"}, harrow[:2]},
		{[]string{"review", "--json", "--council", "brent"}, nil},
	} {
		if got := jsonIDs(tc.args...); !slices.Equal(got, tc.want) {
			t.Errorf("%v = %v, want %v", tc.args, got, tc.want)
		}
	}

	// The table shows whose each record is when there are several.
	out, _, _ := runLib(t, lib, "due")
	if !strings.Contains(out, "COUNCIL") || !strings.Contains(out, "Brent Council") || !strings.Contains(out, "Harrow Council") {
		t.Errorf("due lacks the council column:\n%s", out)
	}
	out, _, _ = runLib(t, lib, "due", "--council", "brent")
	if strings.Contains(out, "COUNCIL") || strings.Contains(out, "Harrow") {
		t.Errorf("due --council brent:\n%s", out)
	}

	// Search: --council, council: and the council facet.
	out, errOut, code := runLib(t, lib, "search", "figures", "--council", "brent", "--json", "--facets")
	var res struct {
		Total  int
		Hits   []struct{ ID, Council string }
		Facets map[string][]struct {
			Value string
			Count int
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 0 || res.Total != 2 {
		t.Fatalf("search --council brent: %d %v\n%s%s", code, err, out, errOut)
	}
	for _, h := range res.Hits {
		if h.Council != "Brent Council" || !strings.Contains(h.ID, "brent") {
			t.Errorf("search --council brent found %+v", h)
		}
	}
	if f := res.Facets["council"]; len(f) != 1 || f[0].Value != "Brent Council" || f[0].Count != 2 {
		t.Errorf("council facet = %+v", f)
	}
	out, _, code = runLib(t, lib, "search", "figures", "--facets")
	if code != 0 || !strings.Contains(out, "COUNCIL") || !strings.Contains(out, "council:   Brent Council (2), Harrow Council (2)") &&
		!strings.Contains(out, "council:   Harrow Council (2), Brent Council (2)") {
		t.Errorf("search --facets:\n%s", out)
	}
	out, _, code = runLib(t, lib, "search", "figures council:harrow", "--json")
	if code != 0 || !strings.Contains(out, `"total": 2`) || strings.Contains(out, "brent") {
		t.Errorf("search council:harrow:\n%s", out)
	}

	// The calendar and the agenda tracker: one council's.
	out, _, code = runLib(t, lib, "export", "calendar", "--council", "brent")
	if code != 0 || !strings.Contains(out, "BEGIN:VEVENT") || strings.Contains(out, "Libraries") || !strings.Contains(out, "Housing") {
		t.Errorf("export calendar --council brent:\n%s", out)
	}
	out, errOut, code = runLib(t, lib, "agenda", "--committee", "Cabinet", "--council", "brent", "--as-of", "2022-02-01")
	if code != 0 || !strings.Contains(out, "Housing") || strings.Contains(out, "Libraries") {
		t.Errorf("agenda --committee Cabinet --council brent: %d\n%s%s", code, out, errOut)
	}
	// A committee's key is exact: "cabinet" is Harrow's (the first).
	out, _, code = runLib(t, lib, "agenda", "--committee", "Cabinet", "--as-of", "2022-02-01")
	if code != 0 || !strings.Contains(out, "Libraries") || strings.Contains(out, "Housing") {
		t.Errorf("agenda --committee Cabinet: %d\n%s", code, out)
	}

	// People of one council.
	out, errOut, code = runLib(t, lib, "people", "--council", "brent")
	if code != 0 || !strings.Contains(out, "Cat Roe") || !strings.Contains(out, "Dee Poe") || strings.Contains(out, "Ann Lee") {
		t.Errorf("people --council brent: %d\n%s%s", code, out, errOut)
	}

	// Corrections of one council.
	if _, errOut, code := runLib(t, lib, "set", "cabinet-brent-2022-01-10-4-a1", "--reject", "--note", "not an action"); code != 0 {
		t.Fatalf("set --reject: %s", errOut)
	}
	out, _, _ = runLib(t, lib, "corrections", "--council", "brent")
	if !strings.Contains(out, "cabinet-brent-2022-01-10-4-a1") {
		t.Errorf("corrections --council brent:\n%s", out)
	}
	out, _, _ = runLib(t, lib, "corrections", "--council", "harrow")
	if !strings.Contains(out, "No corrections yet.") {
		t.Errorf("corrections --council harrow:\n%s", out)
	}
}

func TestCouncilFlagErrors(t *testing.T) {
	useFakeParser(t)
	lib := twoCouncilsCLI(t)
	barnet := writeDocs(t, councilMeeting("London Borough of Barnet", "Licensing Panel", "2022-01-13", "2022-02-17", "Taxis"))
	if _, errOut, code := runLib(t, lib, "import", barnet); code != 0 {
		t.Fatal(errOut)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"due", "--council", "b"}, `council "b" matches 2 councils (Brent Council; London Borough of Barnet): give more of the name`},
		{[]string{"search", "x", "--council", "springfield"}, "no council matches \"springfield\": the library has Brent Council; Harrow Council; London Borough of Barnet"},
		{[]string{"export", "actions", "--council", "springfield"}, "--council: no council matches"},
		{[]string{"export", "calendar", "--council", "b"}, "matches 2 councils"},
		{[]string{"due", "--council", "brent", "--committee", "licensing"}, "no committee matches \"licensing\""},
		{[]string{"import", "--force-council", barnet}, "--council: bad council name: ForceCouncil needs a Council"},
		{[]string{"import", "--council", "  ", barnet}, "has no letters or digits"},
	} {
		_, errOut, code := runLib(t, lib, tc.args...)
		if code == 0 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, %q; want an error saying %q", tc.args, code, errOut, tc.want)
		}
	}
}

// --council fills in a council the minutes do not name; minutes that name
// another keep theirs, with a warning, unless --force-council; the same
// file again with another council is filed under it; reparse keeps it.
func TestImportCouncilFlag(t *testing.T) {
	useFakeParser(t)
	lib := filepath.Join(t.TempDir(), "lib")
	named := writeDocs(t, councilMeeting("Harrow Council", "Cabinet", "2022-01-10", "2022-02-14", "Libraries"))
	out, errOut, code := runLib(t, lib, "import", "--council", "Brent Council", named)
	if code != 0 || !strings.Contains(errOut, `the minutes name the council "Harrow Council", not "Brent Council": filed under "Harrow Council" (give --force-council`) {
		t.Errorf("import --council of minutes naming another: %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = runLib(t, lib, "import", "--json", "--council", "Brent Council", "--force-council", named)
	var res []importFile
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 0 || len(res) != 1 || !res[0].Refiled ||
		res[0].Council == nil || *res[0].Council != "Brent Council" || res[0].CouncilNamed == nil || *res[0].CouncilNamed != "Harrow Council" {
		t.Errorf("--force-council on a file already imported: %d %v\n%s%s", code, err, out, errOut)
	}
	for _, args := range [][]string{{"reparse"}, {"reindex"}} {
		if _, errOut, code := runLib(t, lib, args...); code != 0 {
			t.Fatalf("%v: %s", args, errOut)
		}
	}
	// Brent's Cabinet is a committee of its own: its key is Brent's.
	out, errOut, _ = runLib(t, lib, "show", "cabinet-brent-2022-01-10", "--json")
	if !strings.Contains(out, `"council": "Brent Council"`) || !strings.Contains(out, "as the import asked (--force-council)") {
		t.Errorf("after reparse the meeting is not Brent's:\n%s%s", out, errOut)
	}
	out, _, _ = runLib(t, lib, "search", "libraries", "--council", "brent", "--json")
	if !strings.Contains(out, `"total": 3`) {
		t.Errorf("after reindex, Brent's search:\n%s", out)
	}
}

func isoDate(s string) minutes.Date {
	d, err := minutes.ParseISODate(s)
	if err != nil {
		panic(err)
	}
	return d
}
