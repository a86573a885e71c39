package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLibraryEndToEnd is the "done when", with the real parser on
// the bundled Harrow minutes: import, search, what is due as of 1 July
// 2022 (the June 2022 report has slipped), mark an action done with a
// note, import again and re-parse: the edit is still there.
func TestLibraryEndToEnd(t *testing.T) {
	old := testWorld
	testWorld.now = func() time.Time { return time.Date(2022, 7, 1, 9, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { testWorld = old })
	lib := filepath.Join(t.TempDir(), "lib")
	harrow := filepath.Join("..", "..", "sample-data", "harrow-osc-2021-12-14.txt")

	out, errOut, code := runLib(t, lib, "import", harrow)
	if code != 0 || !strings.Contains(out, "Imported 1 file: 1 meeting") {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	out, _, code = runLib(t, lib, "search", "fly-tipping")
	if code != 0 || !strings.Contains(out, "osc-2021-12-14") {
		t.Errorf("search:\n%s", out)
	}

	out, _, _ = runLib(t, lib, "due", "--json")
	var due []dueRecord
	if err := json.Unmarshal([]byte(out), &due); err != nil {
		t.Fatalf("due --json: %v\n%s", err, out)
	}
	var june, action string
	for _, r := range due {
		if r.Kind == "followup" && strings.Contains(r.Text, "June 2022") {
			june = r.ID
			if r.Flag != "slipped" || r.Due.String() != "2022-06-30" || !r.Provisional {
				t.Errorf("the June 2022 report: %+v, want slipped, provisionally due 2022-06-30", r)
			}
		}
		if r.Kind == "action" && action == "" {
			action = r.ID
		}
	}
	if june == "" || action == "" {
		t.Fatalf("no June 2022 follow-up or no action on the board:\n%s", out)
	}

	if _, errOut, code := runLib(t, lib, "set", action, "--status", "done", "--note", "Figures circulated 3 Feb"); code != 0 {
		t.Fatalf("set: %s", errOut)
	}
	if out, errOut, code := runLib(t, lib, "import", harrow); code != 0 || !strings.Contains(out, "1 file was already in the library") {
		t.Errorf("re-import: exit %d\n%s%s", code, out, errOut)
	}
	if out, errOut, code := runLib(t, lib, "reparse"); code != 0 || !strings.Contains(out, "Parsed 1 document again") {
		t.Errorf("reparse: exit %d\n%s%s", code, out, errOut)
	}
	out, _, code = runLib(t, lib, "show", action)
	if code != 0 || !strings.Contains(out, "Status     done") || !strings.Contains(out, "note: Figures circulated 3 Feb") {
		t.Errorf("the edit after re-import and reparse:\n%s", out)
	}
	out, _, _ = runLib(t, lib, "due")
	if strings.Contains(out, action) {
		t.Errorf("the done action is still on the board:\n%s", out)
	}
}

// TestImportCouncilAndFilter: minutes that never name their council get
// the one given at import; due and search keep to one council; an unknown
// council is an error naming those the library holds.
func TestImportCouncilAndFilter(t *testing.T) {
	old := testWorld
	testWorld.now = func() time.Time { return time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { testWorld = old })
	lib := filepath.Join(t.TempDir(), "lib")
	harrow := filepath.Join("..", "..", "sample-data", "harrow-osc-2021-12-14.txt")
	wex := filepath.Join("..", "..", "sample-data", "fictional", "2025-11-18-environment-scrutiny.txt")
	if out, errOut, code := runLib(t, lib, "import", "--council", "London Borough of Harrow", harrow, wex); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code := runLib(t, lib, "due", "--council", "harrow", "--json")
	if code != 0 {
		t.Fatalf("due --council harrow: exit %d\n%s", code, errOut)
	}
	if !strings.Contains(out, "London Borough of Harrow") || strings.Contains(out, "2025-11-18") {
		t.Errorf("due --council harrow lists another council's records or none:\n%s", out)
	}
	out, _, _ = runLib(t, lib, "due", "--json")
	if !strings.Contains(out, "2025-11-18") {
		t.Errorf("due without --council lost the other council:\n%s", out)
	}
	_, errOut, code = runLib(t, lib, "due", "--council", "Nowhere")
	if code == 0 || !strings.Contains(errOut, "London Borough of Harrow") {
		t.Errorf("due --council Nowhere: exit %d, %q", code, errOut)
	}
	out, _, code = runLib(t, lib, "search", "--council", "harrow", "report")
	if code != 0 || !strings.Contains(out, "osc-2021-12-14") || strings.Contains(out, "2025-11-18") {
		t.Errorf("search --council harrow:\n%s", out)
	}
	out, errOut, code = runLib(t, lib, "export", "actions", "--council", "harrow", "--format", "csv")
	if code != 0 || !strings.Contains(out, "osc-2021-12-14") || strings.Contains(out, "2025-11-18") {
		t.Errorf("export actions --council harrow: exit %d %s\n%s", code, errOut, out)
	}
	out, errOut, code = runLib(t, lib, "export", "calendar", "--council", "wexbridge")
	if code != 0 || strings.Contains(out, "osc-2021-12-14") {
		t.Errorf("export calendar --council wexbridge: exit %d %s\n%s", code, errOut, out)
	}
	// A re-parse keeps the council given at import.
	if _, errOut, code := runLib(t, lib, "reparse"); code != 0 {
		t.Fatalf("reparse: %s", errOut)
	}
	if out, _, _ := runLib(t, lib, "due", "--council", "harrow", "--json"); !strings.Contains(out, "London Borough of Harrow") {
		t.Errorf("after reparse:\n%s", out)
	}
}

// TestCouncilPicksSharedCommittee: two councils each have an Overview and
// Scrutiny Committee; --committee by name is ambiguous until --council
// says whose, for the agenda tracker and the exports alike.
func TestCouncilPicksSharedCommittee(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib")
	harrow := filepath.Join("..", "..", "sample-data", "harrow-osc-2021-12-14.txt")
	data, err := os.ReadFile(harrow)
	if err != nil {
		t.Fatal(err)
	}
	ashby := filepath.Join(t.TempDir(), "ashby-osc.txt") // other bytes, the same committee's name
	if err := os.WriteFile(ashby, append(data, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, imp := range [][]string{{"London Borough of Harrow", harrow}, {"Ashby Parish Council", ashby}} {
		if out, errOut, code := runLib(t, lib, "import", "--council", imp[0], imp[1]); code != 0 {
			t.Fatalf("import %s: exit %d\n%s%s", imp[1], code, out, errOut)
		}
	}
	const name = "Overview and Scrutiny Committee"
	for _, tc := range []struct {
		args     []string
		code     int
		want     string // in stdout, or stderr when code != 0
		mustNot  string
		describe string
	}{
		{[]string{"agenda", "--committee", name, "--meeting", "2022-06"}, 1, "matches 2 committees", "", "ambiguous without --council"},
		{[]string{"agenda", "--committee", name, "--council", "harrow", "--meeting", "2022-06"}, 0, "London Borough of Harrow: " + name, "Ashby", "Harrow's"},
		{[]string{"agenda", "--committee", "overview", "--council", "ASHBY", "--meeting", "2022-06"}, 0, "Ashby Parish Council: " + name, "Harrow", "Ashby's, any case, part of the name"},
		{[]string{"agenda", "--committee", name, "--council", "nowhere"}, 1, "--council: no council matches \"nowhere\": the library has Ashby Parish Council; London Borough of Harrow", "--committee", "an unknown council lists the councils"},
		{[]string{"export", "actions", "--committee", name, "--council", "ashby", "--format", "csv"}, 0, "osc-ashby-2021-12-14", "osc-2021-12-14", "export actions"},
		{[]string{"export", "calendar", "--committee", name, "--council", "harrow"}, 0, "osc-2021-12-14", "osc-ashby", "export calendar"},
	} {
		out, errOut, code := runLib(t, lib, tc.args...)
		got := out
		if tc.code != 0 {
			got = errOut
		}
		if code != tc.code || !strings.Contains(got, tc.want) || tc.mustNot != "" && strings.Contains(got, tc.mustNot) {
			t.Errorf("%s: %v: exit %d (want %d), want %q and not %q in:\n%s%s", tc.describe, tc.args, code, tc.code, tc.want, tc.mustNot, out, errOut)
		}
	}
}
