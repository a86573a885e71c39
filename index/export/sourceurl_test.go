package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// Records synced from a council's site link to the minute they came from:
// in the action log workbook and in the agenda tracker.
func TestSourceLinks(t *testing.T) {
	d := minutes.MakeDate(2026, 2, 10)
	recs := []index.Record{
		{ID: "ac-2026-02-10-4-a1", Kind: minutes.KindAction, Committee: "Audit Committee", MeetingID: "ac-2026-02-10", MeetingDate: d,
			Minute: "4", ItemTitle: "Fly-tipping", Text: "The Head of Service undertook to report back.", Status: index.StatusOpen,
			Due: d.AddDays(20), Flag: index.FlagDueSoon, SourceURL: "https://democracy.example.gov.uk/mgAi.aspx?ID=18831"},
		{ID: "ac-2026-02-10-5-a1", Kind: minutes.KindAction, Committee: "Audit Committee", MeetingID: "ac-2026-02-10", MeetingDate: d,
			Minute: "5", ItemTitle: "Imported", Text: "From a file: no link.", Status: index.StatusOpen, Flag: index.FlagUndated},
		{ID: "ac-2026-02-10-6-a1", Kind: minutes.KindAction, Committee: "Audit Committee", MeetingID: "ac-2026-02-10", MeetingDate: d,
			Minute: "6", ItemTitle: "Hostile", Text: "A stored address that is not a web link.", Status: index.StatusOpen, Flag: index.FlagUndated,
			SourceURL: "javascript:alert(1)"},
	}
	log := NewActionLog(recs, index.RecordQuery{AsOf: d, Committee: "Audit Committee"})
	f := readXLSX(t, log)
	header, _, rowOf := sheetRows(t, f)
	ok, link, err := f.GetCellHyperLink(logSheet, cellOf(t, header, "Minute", rowOf[recs[0].ID]))
	if err != nil || !ok || link != recs[0].SourceURL {
		t.Errorf("minute 4 links to %q (%v, %v)", link, ok, err)
	}
	for _, r := range recs[1:] {
		if ok, link, _ := f.GetCellHyperLink(logSheet, cellOf(t, header, "Minute", rowOf[r.ID])); ok {
			t.Errorf("minute %s links to %q", r.Minute, link)
		}
	}

	a := NewAgenda(Agenda{Committee: "Audit Committee", Meeting: d.AddDays(28), AsOf: d.AddDays(27)}, log.Rows)
	var buf bytes.Buffer
	if err := a.WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if !strings.Contains(page, `<a href="https://democracy.example.gov.uk/mgAi.aspx?ID=18831"`) {
		t.Error("the tracker does not link minute 4 to its page")
	}
	if strings.Contains(page, "javascript:alert") || strings.Contains(page, "ZgotmplZ") {
		t.Error("the tracker links to a javascript: address")
	}
}
