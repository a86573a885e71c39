package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/export/exporttest"
)

// useFakeLibrary points the export commands at exporttest's in-memory
// library and a fixed clock (1 June 2022, 09:30 UTC).
func useFakeLibrary(t *testing.T) *exporttest.Library {
	t.Helper()
	lib := exporttest.New()
	old := testWorld
	testWorld.openAPI = func(context.Context, *app) (index.API, func() error, error) {
		return lib, func() error { return nil }, nil
	}
	testWorld.now = func() time.Time { return time.Date(2022, 6, 1, 9, 30, 0, 0, time.UTC) }
	t.Cleanup(func() { testWorld = old })
	return lib
}

func runCmd(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err = testRun(args, &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestExportActionsCSV(t *testing.T) {
	useFakeLibrary(t)
	out, _, err := runCmd(t, "export", "actions", "--committee", "osc")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "Reference,Committee,Meeting date,") {
		t.Errorf("not the CSV header (and no byte-order mark on standard output):\n%s", out)
	}
	if !strings.Contains(out, `"'=HYPERLINK(""http://x"",""y"")"`) {
		t.Error("formula not neutralised")
	}
	if strings.Contains(out, "rpsp-") || strings.Contains(out, "Civic Centre") {
		t.Error("other committee or exempt record in the log")
	}
}

// A CSV file is for Excel, which needs a byte-order mark to read UTF-8.
func TestExportActionsCSVFileIsMarkedUTF8(t *testing.T) {
	useFakeLibrary(t)
	path := filepath.Join(t.TempDir(), "log.csv")
	if _, _, err := runCmd(t, "export", "actions", "--committee", "osc", "-o", path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "\ufeffReference,Committee,") {
		t.Errorf("the CSV file starts %q, want a byte-order mark and the header", b[:min(len(b), 20)])
	}
}

func TestExportActionsFilters(t *testing.T) {
	useFakeLibrary(t)
	out, _, err := runCmd(t, "export", "actions", "--committee", "Overview", "--status", "red", "--json")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"osc-2021-12-14-189-a1"`, `"osc-2021-12-14-189-f1"`} {
		if !strings.Contains(out, want) {
			t.Errorf("red log lacks %s", want)
		}
	}
	if strings.Contains(out, `"rag": "amber"`) || strings.Contains(out, `"rag": "green"`) {
		t.Error("red filter let other colours through")
	}
	out, _, err = runCmd(t, "export", "actions", "--status", "slipped,done", "--format", "md", "--from", "2021-12-01", "--to", "2021-12-31")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "osc-2021-12-14-189-f1") || strings.Contains(out, "osc-2021-09-14-160-a1") {
		t.Errorf("slipped/done from December 2021:\n%s", out)
	}
}

func TestExportActionsXLSXFile(t *testing.T) {
	useFakeLibrary(t)
	path := filepath.Join(t.TempDir(), "panel.xlsx")
	_, errOut, err := runCmd(t, "export", "actions", "--committee", "riverside", "-o", path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut, "Wrote 4 records (xlsx) to") {
		t.Errorf("stderr = %q", errOut)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("workbook does not open: %v", err)
	}
	defer f.Close()
	rows, err := f.GetRows("Action log")
	if err != nil || len(rows) != 5 {
		t.Fatalf("rows = %d (%v), want a header and 4", len(rows), err)
	}
	if got := rows[1][5]; got != "+44 helpline number to be added to the flooding leaflet" {
		t.Errorf("text cell = %q: the workbook keeps text verbatim", got)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", st.Mode())
	}
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*tmp"))
	if len(matches) != 0 {
		t.Errorf("temporary files left: %v", matches)
	}
}

func TestExportExemptFileIsPrivate(t *testing.T) {
	useFakeLibrary(t)
	path := filepath.Join(t.TempDir(), "log.md")
	if _, _, err := runCmd(t, "export", "actions", "--include-exempt", "-o", path); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), "EXEMPT") {
		t.Error("exempt record not marked")
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("a file with exempt information has mode %v, want 0600", st.Mode().Perm())
	}
}

func TestExportErrors(t *testing.T) {
	useFakeLibrary(t)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "actions", "--format", "pdf"}, "use one of xlsx, csv, json, md"},
		{[]string{"export", "actions", "--as-of", "soonish"}, "YYYY-MM-DD"}, // 1/6/22 is a date now (issue 11.8)
		{[]string{"export", "actions", "--as-of", "31/6/22"}, "June has no day 31"},
		{[]string{"export", "actions", "--from", "2022-06-01", "--to", "2022-01-01"}, "is before"},
		{[]string{"export", "actions", "--status", "purple"}, "--status \"purple\""},
		{[]string{"export", "actions", "--committee", "cabinet"}, "no committee called \"cabinet\""},
		{[]string{"export", "actions", "--committee", "scrutiny"}, "give more of the name"},
		{[]string{"export", "actions", "-o", os.TempDir()}, "is a folder"},
		{[]string{"agenda"}, `--committee NAME: the library has "Overview and Scrutiny Committee"`},
		{[]string{"agenda", "--committee", "osc", "--as-of", "2030-01-01"}, "give the meeting date with --meeting"},
		{[]string{"agenda", "--committee", "osc", "--format", "xlsx"}, "use one of md, html"},
		{[]string{"agenda", "--committee", "osc", "--meeting", "June"}, "or the month as YYYY-MM"},
	} {
		_, _, err := runCmd(t, tt.args...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: err = %v, want it to say %q", tt.args, err, tt.want)
		}
	}
}

func TestExportCalendar(t *testing.T) {
	useFakeLibrary(t)
	out, _, err := runCmd(t, "export", "calendar", "--as-of", "2022-06-01")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "BEGIN:VCALENDAR\r\n") || !strings.HasSuffix(out, "END:VCALENDAR\r\n") {
		t.Errorf("not an iCalendar file:\n%s", out)
	}
	if !strings.Contains(out, "DTSTAMP:20220601T093000Z\r\n") {
		t.Error("no DTSTAMP from the clock")
	}
	again, _, _ := runCmd(t, "export", "calendar", "--as-of", "2022-06-01")
	if again != out {
		t.Error("two exports at the same moment differ")
	}
}

func TestAgendaCommand(t *testing.T) {
	useFakeLibrary(t)
	out, _, err := runCmd(t, "agenda", "--committee", "osc")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Action and recommendation tracker", "21 June 2022", "## 1. Due at this meeting (2)", "## 2. Slipped (1)"} {
		if !strings.Contains(out, want) {
			t.Errorf("agenda lacks %q", want)
		}
	}
	path := filepath.Join(t.TempDir(), "tracker.html")
	_, errOut, err := runCmd(t, "agenda", "--committee", "osc", "--meeting", "2022-06", "-o", path)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(data), "<!DOCTYPE html>") {
		t.Error("-o tracker.html did not give HTML")
	}
	if !strings.Contains(errOut, "21 June 2022 meeting of Overview and Scrutiny Committee") {
		t.Errorf("stderr = %q", errOut)
	}
}
