package export

import (
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

const (
	logSheet   = "Action log"
	notesSheet = "Notes"
	// xlsxFont is the workbook's default font, named in every style that
	// sets a font so that no reader falls back to another.
	xlsxFont = "Calibri"
)

// WriteXLSX writes the log as an Excel workbook: an "Action log" sheet with
// a frozen, filtered header row, sized and wrapped columns, dates as dates
// and the RAG cells coloured, set to print landscape on A4, one page wide
// with the header repeated (the committee column is left out when the log
// is for one committee: the notes sheet names it); and a "Notes" sheet saying what the log
// covers and what the colours mean. Every cell is a plain value: text from
// the minutes is written as text, never as a formula, whatever it starts
// with.
func (l *ActionLog) WriteXLSX(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := l.buildXLSX(f); err != nil {
		return fmt.Errorf("build workbook: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("write workbook: %w", err)
	}
	return nil
}

type xlsxStyles struct {
	header, text, wrap, date, exempt, link int
	rag                                    map[string]int
}

func newXLSXStyles(f *excelize.File) (*xlsxStyles, error) {
	var firstErr error
	style := func(s *excelize.Style) int {
		id, err := f.NewStyle(s)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		return id
	}
	border := []excelize.Border{
		{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1},
	}
	top := &excelize.Alignment{Vertical: "top"}
	dateFmt := "d mmm yyyy"
	s := &xlsxStyles{
		header: style(&excelize.Style{
			Font:      &excelize.Font{Bold: true, Color: "FFFFFF", Family: xlsxFont},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E78"}},
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
			Border:    border,
		}),
		text:   style(&excelize.Style{Alignment: top, Border: border}),
		wrap:   style(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Border: border}),
		date:   style(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}, Border: border, CustomNumFmt: &dateFmt}),
		exempt: style(&excelize.Style{Alignment: top, Border: border, Font: &excelize.Font{Bold: true, Color: "C00000", Family: xlsxFont}}),
		link:   style(&excelize.Style{Alignment: top, Border: border, Font: &excelize.Font{Underline: "single", Color: "0563C1", Family: xlsxFont}}),
		rag:    map[string]int{},
	}
	for rag, c := range ragColours {
		s.rag[rag] = style(&excelize.Style{
			Font:      &excelize.Font{Bold: true, Color: c.Text, Family: xlsxFont},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c.Fill}},
			Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"},
			Border:    border,
		})
	}
	return s, firstErr
}

func (l *ActionLog) buildXLSX(f *excelize.File) error {
	if err := f.SetSheetName("Sheet1", logSheet); err != nil {
		return err
	}
	st, err := newXLSXStyles(f)
	if err != nil {
		return err
	}
	var cols []column
	for _, c := range l.columns() {
		if c.title == "Committee" && l.Committee != "" {
			continue // one committee: the title says which
		}
		cols = append(cols, c)
	}
	last, _ := excelize.ColumnNumberToName(len(cols))
	for i, c := range cols {
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(logSheet, name, name, c.width); err != nil {
			return err
		}
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := f.SetCellStr(logSheet, cell, c.title); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(logSheet, "A1", last+"1", st.header); err != nil {
		return err
	}
	if err := f.SetRowHeight(logSheet, 1, 30); err != nil {
		return err
	}
	for i, r := range l.Rows {
		y := i + 2
		lines := 1
		for x, c := range cols {
			cell, _ := excelize.CoordinatesToCellName(x+1, y)
			styleID := st.text
			switch {
			case c.date != nil:
				if d := c.date(r); !d.IsZero() {
					if err := f.SetCellValue(logSheet, cell, d.Time()); err != nil {
						return err
					}
				}
				styleID = st.date
			default:
				v := c.text(r)
				if v != "" {
					if err := f.SetCellStr(logSheet, cell, v); err != nil {
						return err
					}
				}
				switch {
				case c.title == "Minute" && v != "" && isWebLink(r.SourceURL):
					// The minute links to where it was published.
					tip := "Open the minute on the council's site"
					if err := f.SetCellHyperLink(logSheet, cell, r.SourceURL, "External", excelize.HyperlinkOpts{Tooltip: &tip}); err != nil {
						return err
					}
					styleID = st.link
				case c.rag && st.rag[r.RAG] != 0:
					styleID = st.rag[r.RAG]
				case c.title == "Exempt" && v != "":
					styleID = st.exempt
				case c.wrap:
					styleID = st.wrap
					lines = max(lines, wrappedLines(v, c.width))
				}
			}
			if err := f.SetCellStyle(logSheet, cell, cell, styleID); err != nil {
				return err
			}
		}
		// Excel does not grow rows to fit wrapped text it did not lay out
		// itself, so give each row the height its longest cell needs.
		if err := f.SetRowHeight(logSheet, y, math.Min(409, 15*float64(lines)+3)); err != nil {
			return err
		}
	}
	lastRow := max(len(l.Rows)+1, 2)
	if err := f.AutoFilter(logSheet, fmt.Sprintf("A1:%s%d", last, lastRow), nil); err != nil {
		return err
	}
	if err := f.SetPanes(logSheet, &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	fitToPage := true
	if err := f.SetSheetProps(logSheet, &excelize.SheetPropsOptions{FitToPage: &fitToPage}); err != nil {
		return err
	}
	landscape, fit, tall := "landscape", 1, 0
	paperA4 := 9
	if err := f.SetPageLayout(logSheet, &excelize.PageLayoutOptions{
		Size: &paperA4, Orientation: &landscape, FitToWidth: &fit, FitToHeight: &tall,
	}); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$1", logSheet), Scope: logSheet,
	}); err != nil {
		return err
	}
	if err := l.buildNotesSheet(f, st); err != nil {
		return err
	}
	return f.SetDocProps(&excelize.DocProperties{
		Title:   l.Title(),
		Creator: "minutebook",
		Subject: "Action and recommendation tracker",
	})
}

// buildNotesSheet says what the log covers and what the colours mean.
func (l *ActionLog) buildNotesSheet(f *excelize.File, st *xlsxStyles) error {
	if _, err := f.NewSheet(notesSheet); err != nil {
		return err
	}
	committee := l.Committee
	if committee == "" {
		committee = "All committees"
	}
	rangeText := "All meetings"
	switch {
	case !l.From.IsZero() && !l.To.IsZero():
		rangeText = longDate(l.From) + " to " + longDate(l.To)
	case !l.From.IsZero():
		rangeText = "From " + longDate(l.From)
	case !l.To.IsZero():
		rangeText = "Up to " + longDate(l.To)
	}
	rows := [][2]string{
		{"Title", l.Title()},
		{"Committee", committee},
		{"Meetings", rangeText},
		{"As of", longDate(l.AsOf)},
		{"Records", fmt.Sprint(len(l.Rows))},
		{"", ""},
		{"RAG", "Meaning"},
		{"Red", "Late: the due date has passed, or a follow-up's meeting passed without it coming back."},
		{"Amber", "Outstanding but not late: in progress, due at the next meeting, or not yet due."},
		{"Green", "Closed: done or dropped, or the follow-up has come back to committee."},
	}
	if l.IncludeExempt {
		rows = append(rows, [2]string{"", ""}, [2]string{"EXEMPT", "Rows marked EXEMPT come from items taken with the press and public excluded (Local Government Act 1972, Schedule 12A). Not for publication."})
	}
	for i, r := range rows {
		y := i + 1
		for x, v := range r {
			cell, _ := excelize.CoordinatesToCellName(x+1, y)
			if v != "" {
				if err := f.SetCellStr(notesSheet, cell, v); err != nil {
					return err
				}
			}
		}
		styleID := 0
		switch r[0] {
		case "Red":
			styleID = st.rag[Red]
		case "Amber":
			styleID = st.rag[Amber]
		case "Green":
			styleID = st.rag[Green]
		case "RAG":
			styleID = st.header
		case "EXEMPT":
			styleID = st.exempt
		}
		if styleID != 0 {
			if err := f.SetCellStyle(notesSheet, fmt.Sprintf("A%d", y), fmt.Sprintf("A%d", y), styleID); err != nil {
				return err
			}
		}
		if r[0] == "RAG" {
			if err := f.SetCellStyle(notesSheet, fmt.Sprintf("B%d", y), fmt.Sprintf("B%d", y), st.header); err != nil {
				return err
			}
		}
	}
	if err := f.SetColWidth(notesSheet, "A", "A", 12); err != nil {
		return err
	}
	return f.SetColWidth(notesSheet, "B", "B", 90)
}

// wrappedLines estimates how many lines text takes in a wrapped cell of
// the given width (in characters).
func wrappedLines(s string, width float64) int {
	w := max(int(width)-1, 1)
	n := 0
	for line := range strings.SplitSeq(s, "\n") {
		n += max(1, (utf8.RuneCountInString(line)+w-1)/w)
	}
	return n
}

// isWebLink reports whether a source address may become a link: http or
// https only.
func isWebLink(u string) bool {
	return strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")
}
