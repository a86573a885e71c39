package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/minutebook/minutebook/index"
)

// readXLSX writes the log as a workbook and opens it again.
func readXLSX(t *testing.T, l *ActionLog) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := l.WriteXLSX(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// sheetRows maps each row's reference to its cells by header.
func sheetRows(t *testing.T, f *excelize.File) (header []string, byRef map[string]map[string]string, rowOf map[string]int) {
	t.Helper()
	rows, err := f.GetRows(logSheet)
	if err != nil {
		t.Fatal(err)
	}
	header = rows[0]
	byRef, rowOf = map[string]map[string]string{}, map[string]int{}
	for i, row := range rows[1:] {
		cells := map[string]string{}
		for j, v := range row {
			cells[header[j]] = v
		}
		byRef[row[0]] = cells
		rowOf[row[0]] = i + 2
	}
	return header, byRef, rowOf
}

func cellOf(t *testing.T, header []string, title string, row int) string {
	t.Helper()
	for i, h := range header {
		if h == title {
			c, _ := excelize.CoordinatesToCellName(i+1, row)
			return c
		}
	}
	t.Fatalf("no column %q", title)
	return ""
}

func TestXLSX(t *testing.T) {
	l := loadLog(t, oscQuery(false))
	f := readXLSX(t, l)

	if got := f.GetSheetList(); len(got) != 2 || got[0] != logSheet || got[1] != notesSheet {
		t.Errorf("sheets = %v", got)
	}
	header, rows, rowOf := sheetRows(t, f)
	wantHeader := []string{"Reference", "Meeting date", "Minute", "Item", "Type",
		"Action or recommendation", "Officer responsible", "Due date", "Due at", "RAG", "Status",
		"Flag", "Latest update", "Update date", "Returned to"}
	if strings.Join(header, "|") != strings.Join(wantHeader, "|") {
		t.Errorf("header = %q\nwant     %q", header, wantHeader)
	}
	if len(rows) != len(l.Rows) {
		t.Errorf("%d rows, want %d", len(rows), len(l.Rows))
	}

	// The HYPERLINK text is a string, not a formula.
	const hyper = "osc-2021-12-14-189-a1"
	cell := cellOf(t, header, "Action or recommendation", rowOf[hyper])
	if got := rows[hyper]["Action or recommendation"]; got != `=HYPERLINK("http://x","y")` {
		t.Errorf("HYPERLINK cell = %q", got)
	}
	if formula, err := f.GetCellFormula(logSheet, cell); err != nil || formula != "" {
		t.Errorf("HYPERLINK cell has formula %q (%v)", formula, err)
	}
	if typ, err := f.GetCellType(logSheet, cell); err != nil || typ != excelize.CellTypeSharedString {
		t.Errorf("HYPERLINK cell type = %v (%v), want a shared string", typ, err)
	}
	// No cell anywhere is a formula.
	for y := 1; y <= len(rows)+1; y++ {
		for x := 1; x <= len(header); x++ {
			c, _ := excelize.CoordinatesToCellName(x, y)
			if fm, _ := f.GetCellFormula(logSheet, c); fm != "" {
				t.Errorf("%s holds formula %q", c, fm)
			}
		}
	}

	// Text with quotes, commas, newlines and non-ASCII survives as written.
	want := "Members asked that the “Café Harrow” consultation results, broken down by ward, be circulated;\nthe Chair said: \"it's urgent\" — a résumé of costs (10%, £5,000) is needed."
	if got := rows["osc-2022-03-08-36-a1"]["Action or recommendation"]; got != want {
		t.Errorf("unicode text = %q", got)
	}

	// RAG cells are filled with the RAG colour.
	for ref, rag := range map[string]string{
		hyper: Red, "osc-2021-09-14-160-a1": Green, "osc-2021-12-14-188-a1": Amber,
	} {
		c := cellOf(t, header, "RAG", rowOf[ref])
		if got := rows[ref]["RAG"]; got != ragLabel(rag) {
			t.Errorf("%s: RAG text %q, want %q", ref, got, ragLabel(rag))
		}
		id, err := f.GetCellStyle(logSheet, c)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Fill.Color) == 0 || !strings.EqualFold(st.Fill.Color[0], ragColours[rag].Fill) {
			t.Errorf("%s: RAG fill %v, want %s", ref, st.Fill.Color, ragColours[rag].Fill)
		}
	}

	// Dates are dates, shown the British way.
	if got := rows[hyper]["Due date"]; got != "31 Mar 2022" {
		t.Errorf("due date cell = %q, want 31 Mar 2022", got)
	}
	dc := cellOf(t, header, "Due date", rowOf[hyper])
	if typ, _ := f.GetCellType(logSheet, dc); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("due date cell is text, want a date value")
	}

	// Wrapped text, widths, frozen header and filter.
	id, _ := f.GetCellStyle(logSheet, cell)
	if st, _ := f.GetStyle(id); st == nil || st.Alignment == nil || !st.Alignment.WrapText {
		t.Error("action text is not wrapped")
	}
	if w, _ := f.GetColWidth(logSheet, "F"); w != 60 {
		t.Errorf("action column width = %v, want 60", w)
	}
	panes, err := f.GetPanes(logSheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes = %+v (%v), want the header row frozen", panes, err)
	}
	names := f.GetDefinedName()
	var filter bool
	for _, n := range names {
		if n.Name == "_xlnm._FilterDatabase" && strings.Contains(n.RefersTo, "$A$1:$O$") {
			filter = true
		}
	}
	if !filter {
		t.Errorf("no autofilter over the header: %+v", names)
	}
	if v, _ := f.GetCellValue(notesSheet, "B4"); v != "1 June 2022" {
		t.Errorf("notes: as of = %q", v)
	}
	if v, _ := f.GetCellValue(notesSheet, "B2"); v != osc {
		t.Errorf("notes: committee = %q", v)
	}
	props, err := f.GetSheetProps(logSheet)
	if err != nil || props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("not set to fit the page width when printed: %+v (%v)", props, err)
	}

	// A log of every committee has a committee column.
	all := readXLSX(t, loadLog(t, LogQuery{RecordQuery: index.RecordQuery{AsOf: d("2023-03-01")}}))
	if h, _, _ := sheetRows(t, all); h[1] != "Committee" {
		t.Errorf("all committees: header[1] = %q, want Committee", h[1])
	}
}

func TestXLSXExempt(t *testing.T) {
	f := readXLSX(t, loadLog(t, oscQuery(false)))
	_, rows, _ := sheetRows(t, f)
	if _, ok := rows["osc-2022-01-11-15-a1"]; ok {
		t.Error("exempt record in the workbook without IncludeExempt")
	}
	f = readXLSX(t, loadLog(t, oscQuery(true)))
	header, rows, _ := sheetRows(t, f)
	if header[1] != "Exempt" {
		t.Errorf("header[1] = %q, want Exempt", header[1])
	}
	if got := rows["osc-2022-01-11-15-a1"]["Exempt"]; got != "EXEMPT" {
		t.Errorf("exempt marker = %q", got)
	}
	if got := rows["osc-2021-12-14-189-a1"]["Exempt"]; got != "" {
		t.Errorf("non-exempt row marked %q", got)
	}
}

func TestXLSXEmpty(t *testing.T) {
	f := readXLSX(t, &ActionLog{})
	rows, err := f.GetRows(logSheet)
	if err != nil || len(rows) != 1 {
		t.Errorf("empty log: rows %v (%v), want the header only", rows, err)
	}
}
