package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/minutes"
)

// harrowLike is a meeting with an action due in February 2022 and a
// follow-up due at the June 2022 meeting.
func harrowLike() *minutes.Meeting {
	m := &minutes.Meeting{Council: "Harrow Council", Committee: "Overview and Scrutiny Committee", Date: minutes.MakeDate(2021, 12, 14),
		Source: minutes.Source{Name: "harrow.txt"},
		Items: []minutes.Item{{Number: "188", Title: "Licensing and Enforcement Update", Body: "Fly-tipping enforcement.",
			Resolutions: []minutes.Record{{ID: "osc-2021-12-14-188-r1", Kind: minutes.KindResolution, Text: "That the report be noted."}},
			Actions: []minutes.Record{{ID: "osc-2021-12-14-188-a1", Kind: minutes.KindAction, Text: "=Officers to report figures \x1b[31m.",
				Owner: "Borough Commander", Due: minutes.MakeDate(2022, 2, 1), Target: minutes.DateTarget()}},
			FollowUps: []minutes.Record{{ID: "osc-2021-12-14-188-f1", Kind: minutes.KindFollowUp, Text: "A report be submitted to the June 2022 meeting of the Committee.",
				Due: minutes.MakeDate(2022, 6, 30), Provisional: true, Target: minutes.MonthTarget(2022, 6), DueMeeting: "June 2022 meeting of the Committee"}},
		}}}
	return m
}

func importHarrowLike(t *testing.T) string {
	t.Helper()
	return importMeetingLib(t, harrowLike())
}

// importMeetingLib is a new library holding m, imported by the command
// (with the fake parser).
func importMeetingLib(t *testing.T, m *minutes.Meeting) string {
	t.Helper()
	lib := filepath.Join(t.TempDir(), "lib")
	doc := filepath.Join(t.TempDir(), "harrow.txt")
	os.WriteFile(doc, meetingDoc(m), 0o600)
	if out, errOut, code := runLib(t, lib, "import", doc); code != 0 {
		t.Fatalf("import: %d\n%s%s", code, out, errOut)
	}
	return lib
}

func TestDueCommand(t *testing.T) {
	useFakeParser(t)
	lib := importHarrowLike(t)
	out, errOut, code := runLib(t, lib, "due")
	if code != 0 {
		t.Fatalf("due: exit %d\n%s", code, errOut)
	}
	for _, s := range []string{"FLAG", "slipped  2022-06-30*", "overdue  2022-02-01", "As of 2022-07-01: 1 overdue, 1 slipped.", "* provisional"} {
		if !strings.Contains(out, s) {
			t.Errorf("due lacks %q:\n%s", s, out)
		}
	}
	noControl(t, "due", out)

	out, _, code = runLib(t, lib, "due", "--as-of", "2022-01-05")
	if code != 0 || !strings.Contains(out, "due soon  2022-02-01") || !strings.Contains(out, "upcoming  2022-06-30*") {
		t.Errorf("due --as-of 2022-01-05:\n%s", out)
	}
	// The dates clerks type (issue 11.8): 5/1/22 is 5 January 2022.
	for _, asOf := range []string{"5/1/22", "5 January 2022", "January 5, 2022"} {
		if uk, _, code := runLib(t, lib, "due", "--as-of", asOf); code != 0 || uk != out {
			t.Errorf("due --as-of %s differs from --as-of 2022-01-05:\n%s", asOf, uk)
		}
	}
	if _, errOut, code := runLib(t, lib, "due", "--as-of", "next"); code != 1 || !strings.Contains(errOut, "--committee") {
		t.Errorf("due --as-of next without a committee: exit %d\n%s", code, errOut)
	}
	if _, errOut, code := runLib(t, lib, "due", "--as-of", "31/02/2022"); code != 1 || !strings.Contains(errOut, "February has no day 31") {
		t.Errorf("due --as-of 31/02/2022: exit %d\n%s", code, errOut)
	}
	_, errOut, code = runLib(t, lib, "due", "--check")
	if code != 1 || !strings.Contains(errOut, "2 records overdue or slipped") {
		t.Errorf("due --check: exit %d\n%s", code, errOut)
	}
	if _, _, code = runLib(t, lib, "due", "--check", "--as-of", "2021-12-20"); code != 0 {
		t.Errorf("due --check before anything is late: exit %d", code)
	}

	out, _, _ = runLib(t, lib, "due", "--json")
	var rs []dueRecord
	if err := json.Unmarshal([]byte(out), &rs); err != nil || len(rs) != 2 || rs[0].Flag != "overdue" || rs[1].FlagLabel != "slipped" || !rs[1].Provisional {
		t.Errorf("due --json: %v\n%s", err, out)
	}

	out, _, _ = runLib(t, lib, "due", "--csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 3 || rows[0][0] != "flag" {
		t.Fatalf("due --csv: %v\n%s", err, out)
	}
	if text := rows[1][11]; !strings.HasPrefix(text, "'=") || strings.ContainsRune(text, 0x1b) {
		t.Errorf("csv text cell %q: want the formula neutralised and no escapes", text)
	}
	if _, errOut, code := runLib(t, lib, "due", "--committee", "planning"); code != 1 || !strings.Contains(errOut, "no committee") {
		t.Errorf("due --committee planning: %d %s", code, errOut)
	}
}
