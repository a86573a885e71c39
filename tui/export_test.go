package tui

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/index/export"
	"github.com/minutebook/minutebook/minutes"
)

func TestExportFromTheDueBoard(t *testing.T) {
	ctx := context.Background()
	lib := newFixture()
	dir := t.TempDir()
	asOf := minutes.MakeDate(2022, 6, 1)
	committee := "Overview and Scrutiny Committee"
	for _, tc := range []struct {
		file string
		f    export.Format
		want string
	}{
		{"log.xlsx", export.FormatXLSX, "PK"},
		{"log.csv", export.FormatCSV, "\ufeffReference,Committee,"}, // marked UTF-8 for Excel
		{"tracker.html", export.FormatHTML, "<html"},
		{"due.ics", export.FormatICS, "BEGIN:VCALENDAR"},
	} {
		path := filepath.Join(dir, tc.file)
		if _, err := writeExport(ctx, lib, path, tc.f, exportScope{committee: committee, asOf: asOf}, fakeNow); err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		b, err := os.ReadFile(path)
		if err != nil || !strings.Contains(string(b), tc.want) {
			t.Errorf("%s: %d bytes (%v), want it to hold %q", tc.file, len(b), err, tc.want)
		}
	}
}

func TestExportFormChecksTheName(t *testing.T) {
	v := newDueView(&shared{}, nil, nil)
	if _, err := v.export("notes.txt"); err == nil {
		t.Error("a .txt export was accepted")
	}
	if _, err := v.export("tracker.html"); err == nil || !strings.Contains(err.Error(), "choose it with c") {
		t.Errorf("an agenda tracker without a committee: %v", err)
	}
	if got := defaultExportFile("Overview and Scrutiny Committee", minutes.MakeDate(2022, 6, 1)); got != "action-log-osc-2022-06-01.xlsx" {
		t.Errorf("default file %q", got)
	}
}

// E on a meeting writes that meeting's tracker (as the pack stood the day
// before it) or the action log of its records.
func TestExportFromAMeeting(t *testing.T) {
	lib := newFixture()
	h := newHarness(t, lib, 120, 40, testOptions())
	dir := t.TempDir()
	h.keys("3")
	h.keys("E")
	h.contains("Choose a meeting first")
	m := lib.meetings[0]
	h.send(navMsg{to: viewMeetings, committee: m.Committee, meetingID: m.ID()})
	h.keys("E")
	h.contains("agenda-" + minutes.CommitteeSlug(m.Committee) + "-" + m.Date.String() + ".html")

	tracker := filepath.Join(dir, "tracker.html")
	h.keys("ctrl+u", tracker, "enter")
	h.contains("Wrote the agenda tracker for the")
	if b, err := os.ReadFile(tracker); err != nil || !strings.Contains(string(b), "<html") {
		t.Fatalf("tracker: %d bytes, %v", len(b), err)
	}

	log := filepath.Join(dir, "log.json")
	h.keys("E", "ctrl+u", log, "enter")
	h.contains("the action log of the " + m.Date.String() + " meeting")
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Records []struct {
			ID string `json:"id"`
		} `json:"records"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Records) == 0 {
		t.Errorf("the log of %s holds no records", m.ID())
	}
	for _, r := range got.Records {
		if !strings.HasPrefix(r.ID, m.ID()+"-") {
			t.Errorf("the log of %s holds %s", m.ID(), r.ID)
		}
	}

	h.keys("E", "ctrl+u", filepath.Join(dir, "notes.txt"), "enter")
	h.contains(".txt: end the name in")
	h.keys("esc")
	if h.m.meetings.form.open {
		t.Error("esc did not close the export form")
	}
}

func TestPackDate(t *testing.T) {
	meeting := minutes.MakeDate(2022, 6, 14)
	if got := packDate(meeting, minutes.MakeDate(2026, 11, 29)); got != minutes.MakeDate(2022, 6, 13) {
		t.Errorf("a held meeting's pack is as of %s, want the day before", got)
	}
	if got := packDate(meeting, minutes.MakeDate(2022, 6, 1)); got != minutes.MakeDate(2022, 6, 1) {
		t.Errorf("with an earlier as-of date the pack is as of %s", got)
	}
}
