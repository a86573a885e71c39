package main

import (
	"encoding/json"
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
