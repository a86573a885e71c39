package main

import (
	"context"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/minutebook/minutebook/index"
	sampledata "github.com/minutebook/minutebook/sample-data"
)

// TestExportSampleLibrary runs the exports on a real library of the
// bundled sample minutes: the June 2022 tracker for Harrow's Overview and
// Scrutiny Committee, the fictional committee's workbook and the calendar.
func TestExportSampleLibrary(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	lib, err := index.Open(ctx, dir, index.Options{Parse: parseDocument, IndexDir: ":memory:"})
	if err != nil {
		t.Fatal(err)
	}
	err = fs.WalkDir(sampledata.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		data, err := fs.ReadFile(sampledata.FS, path)
		if err != nil {
			return err
		}
		if _, err := lib.Import(ctx, filepath.Base(path), data); err != nil {
			t.Logf("import %s: %v", path, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.Close(); err != nil {
		t.Fatal(err)
	}

	out, _, err := runCmd(t, "--library", dir, "agenda", "--committee", "Overview and Scrutiny Committee", "--meeting", "2022-06", "--as-of", "2022-06-01")
	if err != nil {
		t.Fatal(err)
	}
	due := out[strings.Index(out, "## 1. Due at this meeting"):strings.Index(out, "## 2. Slipped")]
	if !strings.Contains(due, "osc-2021-12-14-188-f1") || !strings.Contains(due, "June 2022 meeting of the Committee") {
		t.Errorf("the June 2022 report is not due at the June 2022 meeting:\n%s", out)
	}

	book := filepath.Join(t.TempDir(), "wexbridge.xlsx")
	if _, _, err := runCmd(t, "--library", dir, "export", "actions", "--committee", "Environment and Community Safety", "-o", book); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	defer f.Close()
	rows, err := f.GetRows("Action log")
	if err != nil || len(rows) < 5 {
		t.Errorf("workbook rows = %d (%v), want the fictional committee's actions", len(rows), err)
	}

	cal, _, err := runCmd(t, "--library", dir, "export", "calendar")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(cal, "BEGIN:VEVENT") < 3 || strings.Contains(strings.ReplaceAll(cal, "\r\n", ""), "\n") {
		t.Errorf("calendar: %d events, or a bare line feed", strings.Count(cal, "BEGIN:VEVENT"))
	}

	if _, _, err := runCmd(t, "--library", filepath.Join(dir, "nope"), "export", "actions"); err == nil || !strings.Contains(err.Error(), "import minutes first") {
		t.Errorf("missing library: err = %v", err)
	}
}
