package tui

import (
	"context"
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
		if _, err := writeExport(ctx, lib, path, tc.f, committee, asOf); err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		b, err := os.ReadFile(path)
		if err != nil || !strings.Contains(string(b), tc.want) {
			t.Errorf("%s: %d bytes (%v), want it to hold %q", tc.file, len(b), err, tc.want)
		}
	}
}

func TestExportFormChecksTheName(t *testing.T) {
	v := newDueView(&shared{})
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
