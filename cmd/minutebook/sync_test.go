package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/minutebook/minutebook/index/moderngov/moderngovtest"
	"github.com/minutebook/minutebook/minutes"
)

// fakeSite starts a fake Modern.gov site whose meetings fall in the
// default window (the last year).
func fakeSite(t *testing.T, opt moderngovtest.Options) *moderngovtest.Server {
	t.Helper()
	if opt.First.IsZero() {
		opt.First = minutes.DateOf(time.Now()).AddDays(-200)
	}
	srv := moderngovtest.New(opt)
	t.Cleanup(srv.Close)
	return srv
}

func TestSyncCommand(t *testing.T) {
	srv := fakeSite(t, moderngovtest.Options{Committees: 2, Meetings: 4, PDFEvery: 4, Conditional: true})
	lib := filepath.Join(t.TempDir(), "lib")

	out, errOut, code := runLib(t, lib, "sync", srv.URL, "--council", "Wexcombe Borough Council", "--rate", "0")
	if code != 0 || !strings.Contains(out, "Added "+srv.URL+" as a source") || !strings.Contains(out, "Wexcombe Borough Council: 8 new, 0 changed, 0 unchanged, 0 failed.") {
		t.Fatalf("sync: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = runLib(t, lib, "sources")
	if code != 0 || !strings.Contains(out, srv.URL) || !strings.Contains(out, "Wexcombe Borough Council") || !strings.Contains(out, "8 new") {
		t.Errorf("sources: exit %d\n%s%s", code, out, errOut)
	}
	// A plain sync updates every source: nothing new.
	out, errOut, code = runLib(t, lib, "sync", "--rate", "0")
	if code != 0 || !strings.Contains(out, "0 new, 0 changed, 8 unchanged, 0 failed") {
		t.Errorf("second sync: exit %d\n%s%s", code, out, errOut)
	}
	// What was synced is searched, shown and exported like any import.
	m := srv.Meetings()[0]
	id := minutes.CommitteeSlug(m.Committee.Title) + "-" + m.Date.String()
	out, _, code = runLib(t, lib, "show", id)
	if code != 0 || !strings.Contains(out, "Published: "+srv.URL+"/ieListDocuments.aspx?CId="+m.Committee.ID+"&MId="+m.ID) {
		t.Errorf("show %s:\n%s", id, out)
	}
	out, _, _ = runLib(t, lib, "due", "--json")
	var due []dueRecord
	if err := json.Unmarshal([]byte(out), &due); err != nil || len(due) == 0 {
		t.Fatalf("due --json: %v\n%s", err, out)
	}
	out, _, code = runLib(t, lib, "show", due[0].ID, "--json")
	var shown struct {
		SourceURL *string `json:"source_url"`
	}
	if err := json.Unmarshal([]byte(out), &shown); code != 0 || err != nil || shown.SourceURL == nil || !strings.Contains(*shown.SourceURL, "/mgAi.aspx?ID=") {
		t.Errorf("show --json %s: %v\n%s", due[0].ID, err, out)
	}
	if out, _, code = runLib(t, lib, "search", "fly-tipping"); code != 0 || !strings.Contains(out, "resolution") {
		t.Errorf("search:\n%s", out)
	}
	xlsx := filepath.Join(t.TempDir(), "log.xlsx")
	if _, errOut, code := runLib(t, lib, "export", "actions", "--format", "xlsx", "-o", xlsx); code != 0 {
		t.Errorf("export: %s", errOut)
	}

	out, _, code = runLib(t, lib, "sources", "--json")
	var srcs []sourceJSON
	if err := json.Unmarshal([]byte(out), &srcs); code != 0 || err != nil || len(srcs) != 1 || srcs[0].LastSync == nil || srcs[0].Site != srv.URL {
		t.Errorf("sources --json: %v\n%s", err, out)
	}
	if out, _, code := runLib(t, lib, "sources", "remove", "1"); code != 0 || !strings.Contains(out, "stay in the library") {
		t.Errorf("sources remove: %s", out)
	}
	if _, errOut, code := runLib(t, lib, "sync"); code != 1 || !strings.Contains(errOut, "no sources to sync") {
		t.Errorf("sync with no sources: exit %d %s", code, errOut)
	}
}

func TestSyncCommandFailures(t *testing.T) {
	srv := fakeSite(t, moderngovtest.Options{Committees: 1, Meetings: 4})
	lib := filepath.Join(t.TempDir(), "lib")
	bad := srv.Meetings()[1]
	srv.Fail("GetMeeting/"+bad.ID, moderngovtest.Fault{Kind: moderngovtest.FaultEntityBomb})

	out, errOut, code := runLib(t, lib, "sync", srv.URL, "--rate", "0", "--json")
	var reps []syncReport
	if err := json.Unmarshal([]byte(out), &reps); err != nil || code != 2 || len(reps) != 1 || reps[0].New != 3 || reps[0].Failed != 1 ||
		!strings.Contains(reps[0].Failures[0], "site meeting "+bad.ID) || !strings.Contains(reps[0].Failures[0], "ENTITY") {
		t.Fatalf("sync with a bomb: exit %d %v\n%s%s", code, err, out, errOut)
	}
	if !strings.Contains(errOut, "1 meeting could not be synced") {
		t.Errorf("stderr: %s", errOut)
	}
	srv.Heal()
	if out, errOut, code := runLib(t, lib, "sync", "--rate", "0"); code != 0 || !strings.Contains(out, "1 new") {
		t.Errorf("after healing: exit %d\n%s%s", code, out, errOut)
	}

	// A site that refuses the listing: a clear message and exit 1.
	srv.Fail("GetCommittees", moderngovtest.Fault{Kind: moderngovtest.FaultStatus, Status: 403})
	_, errOut, code = runLib(t, lib, "sync", "--rate", "0")
	if code != 1 || !strings.Contains(errOut, "403 Forbidden") || !strings.Contains(errOut, "cannot list the committees") {
		t.Errorf("403: exit %d %s", code, errOut)
	}
	// A new site that cannot be listed is not remembered; a known one is.
	wrong := fakeSite(t, moderngovtest.Options{Committees: 1, Meetings: 1})
	wrong.Fail("GetCommittees", moderngovtest.Fault{Kind: moderngovtest.FaultHTMLPage})
	_, errOut, code = runLib(t, lib, "sync", wrong.URL, "--rate", "0")
	if code != 1 || !strings.Contains(errOut, "HTML page") || !strings.Contains(errOut, wrong.URL+" was not added as a source") {
		t.Errorf("a site that is not Modern.gov: exit %d %s", code, errOut)
	}
	if out, _, _ := runLib(t, lib, "sources"); strings.Contains(out, wrong.URL) || !strings.Contains(out, srv.URL) {
		t.Errorf("sources after a failed first sync:\n%s", out)
	}
	for _, args := range [][]string{
		{"sync", "ftp://example.gov.uk"},
		{"sync", srv.URL, "--since", "last week"},
		{"sync", srv.URL, "--rate", "-1"},
		{"sync", "--save", t.TempDir()},
		{"sync", srv.URL, "--offline", filepath.Join(t.TempDir(), "none")},
	} {
		if _, errOut, code := runLib(t, lib, args...); code != 1 || errOut == "" {
			t.Errorf("%v: exit %d %q", args, code, errOut)
		}
	}
}

func TestSyncSaveThenOffline(t *testing.T) {
	srv := fakeSite(t, moderngovtest.Options{Committees: 2, Meetings: 3, PDFEvery: 3})
	saved := filepath.Join(t.TempDir(), "answers")
	lib := filepath.Join(t.TempDir(), "lib")
	out, errOut, code := runLib(t, lib, "sync", srv.URL, "--council", "Wexcombe Borough Council", "--save", saved, "--rate", "0")
	if code != 0 || !strings.Contains(out, "saved") {
		t.Fatalf("--save: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(lib); err == nil {
		t.Error("--save made a library")
	}
	srv.Close()
	out, errOut, code = runLib(t, lib, "sync", "--offline", saved)
	if code != 0 || !strings.Contains(out, "Wexcombe Borough Council: 6 new") {
		t.Fatalf("--offline: exit %d\n%s%s", code, out, errOut)
	}
}
