package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tables, whatever the format: the DOCX and HTML readers hand over a
// table's cells as paragraphs, the PDF layout as the lines it found in
// each cell; one writer turns them into text, so the same table reads the
// same from any of them.
//
// A table is one of three kinds, told by its cells rather than by its
// borders:
//
//   - a data table (an action log, a list of decisions, a grid of names):
//     each row is one line, its cells joined by " | ", a cell's
//     paragraphs joined by a space after a sentence and by "; " otherwise
//     (so a cell holding a name per paragraph stays a list);
//   - a label table, whose first column holds labels ("Present:",
//     "Apologies:") or nothing: a row is its label, a space and the rest
//     ("Board members: Cllr Mara Lusk | Cabinet Member for Children"); a
//     row without a label continues the one above ("Cllr Tobias Reade |
//     Opposition Group");
//   - a layout table, whose first column numbers the minutes and whose
//     other column holds each minute's heading and text: a row is its
//     number and the first line of the minute ("24/43 Playing field"),
//     the minute's other lines, then the short cells beside it (an
//     "Action by" column: "Clerk", "31 May 2024"), one a line.
//
// Two-cell rows are read one by one: a first cell that is a minute
// number, a list label, a label ending in a colon or nothing, beside
// text, is written as the label, a space and the text's lines; a heading
// beside a minute's text (a side-heading layout) as the heading's line
// and the text's.

// tableCell is one cell's text: lines in reading order. cont[i] reports
// that lines[i] is the wrapped rest of lines[i-1] (PDF); lines that do not
// continue are paragraphs of their own (or forced line breaks).
type tableCell struct {
	lines []string
	cont  []bool
	// flow[i] reports that lines[i] continues a long line of running
	// text above it (PDF): a cell written as lines joins them, as it
	// keeps a list of names one a line.
	flow []bool
}

// flowed returns the cell's lines with running text joined (flow).
func (c tableCell) flowed() tableCell {
	if len(c.flow) == 0 {
		return c
	}
	var out []string
	for i, l := range c.lines {
		if i > 0 && i < len(c.flow) && c.flow[i] {
			out[len(out)-1] = joinWrapped(out[len(out)-1], l)
			continue
		}
		out = append(out, l)
	}
	return tableCell{lines: out}
}

func (c tableCell) empty() bool { return len(c.lines) == 0 }

// paragraphs returns the cell's paragraphs: wrapped lines joined.
func (c tableCell) paragraphs() []string {
	var out []string
	for i, l := range c.lines {
		if i > 0 && i < len(c.cont) && c.cont[i] && len(out) > 0 {
			out[len(out)-1] = joinWrapped(out[len(out)-1], l)
			continue
		}
		out = append(out, l)
	}
	return out
}

// joinWrapped joins a line and its wrapped rest: without a space after a
// hyphen or slash that ends a word part ("fly-" + "tipping", "AE/" +
// "24/12"), with one otherwise.
func joinWrapped(a, b string) string {
	if (strings.HasSuffix(a, "-") || strings.HasSuffix(a, "/")) && len(a) > 1 && a[len(a)-2] != ' ' {
		return a + b
	}
	return a + " " + b
}

// text is the cell as one line, for a data row.
func (c tableCell) text() string {
	ps := c.paragraphs()
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			if endsClause(ps[i-1]) {
				b.WriteByte(' ')
			} else {
				b.WriteString("; ")
			}
		}
		b.WriteString(p)
	}
	return b.String()
}

// endsClause reports whether a paragraph ends in punctuation, so that the
// next one can follow it after a space: "RESOLVED:", "(1) That … noted.",
// "Agreed –". A paragraph that does not ("Cllr Ann Vell") is an entry of
// a list.
func endsClause(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".,;:!?–—-…", r)
}

func (c tableCell) runes() int {
	n := 0
	for _, l := range c.lines {
		n += utf8.RuneCountInString(l) + 1
	}
	return n
}

// hasLayout reports whether a cell holds running text rather than one
// short value: several paragraphs, or a long one.
func (c tableCell) hasLayout() bool {
	ps := c.paragraphs()
	if len(ps) > 1 {
		return true
	}
	return len(ps) == 1 && (utf8.RuneCountInString(ps[0]) > 40 || strings.Contains(ps[0], " | "))
}

// minuteNumber matches a segment that is only a minute or paragraph
// number: "12.", "12", "12(b)", "9.1.1", "OSC/12", "19.09.01",
// "HWB/24/12", "204/GP".
var minuteNumber = regexp.MustCompile(`^(?:[A-Z]{1,5}[/-]?)?\d{1,4}(?:[./-](?:\d{1,4}|[A-Z]{1,5}))*(?:\([a-z0-9]{1,3}\))?[.:]?$`)

// listLabel matches a list item's number or bullet on its own: "(1)",
// "a)", "iv.", "•".
var listLabel = regexp.MustCompile(`^(?:\(?(?:\d{1,3}|[a-zA-Z]|[ivxlIVXL]{1,6})[.)]|\((?:\d{1,3}|[a-zA-Z]|[ivxlIVXL]{1,6})\)|[•●▪■◦·*»➢✓o–-])$`)

// isColonLabel reports a label such as "Present:", "In attendance:" or
// "Board members present:": a few words ending in a colon.
func isColonLabel(s string) bool {
	if !strings.HasSuffix(s, ":") || utf8.RuneCountInString(s) > 32 || strings.Contains(s, " | ") {
		return false
	}
	return len(strings.Fields(s)) <= 5
}

// isNumberLabel reports a minute number or a list label.
func isNumberLabel(s string) bool {
	return len(s) <= 24 && (minuteNumber.MatchString(s) || listLabel.MatchString(s))
}

// labelOf returns a cell's text when it is one short line that can label
// the cell beside it, and whether it is one ("" is an empty label).
func labelOf(c tableCell) (string, bool) {
	switch len(c.lines) {
	case 0:
		return "", true
	case 1:
		t := c.lines[0]
		if loneBullet(t) {
			return "•", true
		}
		return t, isNumberLabel(t) || isColonLabel(t)
	}
	return "", false
}

// trimRow drops a row's trailing empty cells.
func trimRow(row []tableCell) []tableCell {
	for len(row) > 0 && row[len(row)-1].empty() {
		row = row[:len(row)-1]
	}
	return row
}

// writeTableRows writes a table as text (see the comment at the top).
func writeTableRows(b *strings.Builder, rows [][]tableCell) {
	trimmed := make([][]tableCell, 0, len(rows))
	for _, r := range rows {
		if r = trimRow(r); len(r) > 0 {
			trimmed = append(trimmed, r)
		}
	}
	rows = trimmed
	labels := isLabelTable(rows)
	layout := !labels && isLayoutTable(rows)
	for _, row := range rows {
		switch {
		case len(row) == 1:
			writeCellLines(b, row[0])
		case longCells(row) >= 2:
			// Columns of running text side by side (a page set in two
			// columns, or two long cells): one after the other.
			for _, c := range row {
				writeCellLines(b, c)
			}
		case len(row) == 2 && twoCellLabelRow(row):
			writeLabelled(b, row[0], row[1])
		case len(row) == 2 && sideHeading(row):
			writeLine(b, row[0].text())
			writeCellLines(b, row[1])
		case labels:
			l, _ := labelOf(row[0])
			rest := make([]string, 0, len(row)-1)
			for _, c := range row[1:] {
				rest = append(rest, c.text())
			}
			line := strings.Join(rest, " | ")
			if l != "" {
				line = l + " " + line
			}
			writeLine(b, line)
		case layout && layoutRow(row) >= 0:
			k := layoutRow(row)
			writeLabelled(b, row[0], row[k])
			for i, c := range row[1:] {
				if i+1 != k {
					writeCellLines(b, c)
				}
			}
		default:
			cells := make([]string, len(row))
			for i, c := range row {
				cells[i] = c.text()
			}
			writeLine(b, strings.Join(cells, " | "))
		}
	}
}

// twoCellLabelRow reports a two-cell row written as a label and its text.
func twoCellLabelRow(row []tableCell) bool {
	if _, ok := labelOf(row[0]); ok {
		return true
	}
	// A short first cell beside running text: a number or label the
	// patterns do not know ("Item 4", "Note").
	return len(row[0].lines) == 1 && utf8.RuneCountInString(row[0].lines[0]) <= 14 && row[1].hasLayout()
}

// sideHeading reports a two-cell row whose first cell is a heading beside
// its minute ("Apologies for Absence | Apologies were received …"):
// written as the heading's line, then the minute's.
func sideHeading(row []tableCell) bool {
	ps := row[0].paragraphs()
	if len(ps) != 1 || !headingLike(ps[0]) || utf8.RuneCountInString(ps[0]) > 60 {
		return false
	}
	return row[1].runes() >= 80 || len(row[1].paragraphs()) >= 2 && row[1].runes() >= 40
}

// writeLabelled writes a label, a space and the first line of the text
// beside it, then the text's other lines.
func writeLabelled(b *strings.Builder, label, text tableCell) {
	l, ok := labelOf(label)
	if !ok {
		l = strings.Join(label.lines, " ")
	}
	text = text.flowed()
	if l == "" {
		writeCellLines(b, text)
		return
	}
	if text.empty() {
		writeLine(b, l)
		return
	}
	writeLine(b, l+" "+text.lines[0])
	writeCellLines(b, tableCell{lines: text.lines[1:]})
}

func writeCellLines(b *strings.Builder, c tableCell) {
	for _, l := range c.flowed().lines {
		writeLine(b, l)
	}
}

func writeLine(b *strings.Builder, s string) {
	if s = strings.TrimSpace(s); s != "" {
		b.WriteString(s)
		b.WriteByte('\n')
	}
}

// longCells counts a row's cells of running text long enough to be
// columns of a page rather than cells of a table.
func longCells(row []tableCell) int {
	n := 0
	for _, c := range row {
		if c.runes() >= 400 {
			n++
		}
	}
	return n
}

// isLabelTable reports a table of three or more columns whose first
// column holds labels ending in a colon, starting with one, or nothing.
func isLabelTable(rows [][]tableCell) bool {
	wide := 0
	for i, r := range rows {
		if len(r) < 3 {
			continue
		}
		wide++
		l, ok := labelOf(r[0])
		if !ok || l != "" && !isColonLabel(l) || i == 0 && l == "" {
			return false
		}
	}
	return wide > 0
}

// isLayoutTable reports a table whose rows are minutes: most rows hold a
// minute number (or nothing) first and, in one other cell, a heading and
// text, and some minute is more than a line or two.
func isLayoutTable(rows [][]tableCell) bool {
	minutes, data, long := 0, 0, false
	for _, r := range rows {
		if len(r) < 3 {
			continue
		}
		if headerRow(r) {
			continue
		}
		data++
		if k := layoutRow(r); k >= 0 {
			minutes++
			if ps := r[k].paragraphs(); len(ps) >= 3 || r[k].runes() >= 200 {
				long = true
			}
		}
	}
	return data > 0 && long && minutes*2 >= data
}

// headerRow reports a row of short one-line cells (column names).
func headerRow(r []tableCell) bool {
	for _, c := range r {
		if len(c.lines) > 1 || len(c.lines) == 1 && utf8.RuneCountInString(c.lines[0]) > 30 {
			return false
		}
	}
	return true
}

// layoutRow returns the cell of a row that holds a minute (a heading line
// and more text) when the row's first cell numbers it and its other cells
// are short; -1 otherwise.
func layoutRow(r []tableCell) int {
	if l, ok := labelOf(r[0]); !ok || l != "" && !isNumberLabel(l) {
		return -1
	}
	text := 1
	for k := 2; k < len(r); k++ {
		if r[k].runes() > r[text].runes() {
			text = k
		}
	}
	if ps := r[text].paragraphs(); len(ps) < 2 || !headingLike(ps[0]) {
		return -1
	}
	for k := 1; k < len(r); k++ {
		if k != text && (len(r[k].paragraphs()) > 3 || r[k].runes() > 60) {
			return -1
		}
	}
	return text
}

// headingLike reports a paragraph that can be a minute's heading: short,
// not ending a sentence.
func headingLike(s string) bool {
	if utf8.RuneCountInString(s) > 80 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".,;", r)
}

// bulletGlyph are characters that, alone before a list item's text, are
// its bullet: the Symbol and Wingdings private-use bullets Word and PDF
// converters leave, the middle dot of Symbol-font bullets pasted into web
// pages, and the usual bullet characters.
var bulletGlyph = map[rune]bool{
	'\uf0b7': true, '\uf0a7': true, '\uf076': true, '\uf0d8': true, '\uf0fc': true, '\uf06c': true, '\uf06e': true,
	'·': true, '•': true, '●': true, '▪': true, '■': true, '◦': true, '∙': true, '⁃': true,
}

// loneBullet reports a character standing alone before a list item's text
// (in a cell of its own, or a PDF segment of its own, a wide gap before
// the text): a bullet glyph, or a letter that a symbol font draws as one
// and a PDF without the font's character map reports as itself (Courier
// New's "o", Wingdings' "§", "Ø", "ü").
func loneBullet(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && n > 0 && (bulletGlyph[r] || strings.ContainsRune("o§Øü", r))
}

// normaliseBullet turns a line that starts with a bullet glyph and a
// space ("· the falls service", "\uf0b7 item") into "• …", so that every
// format writes list items alike.
func normaliseBullet(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !bulletGlyph[r] || r == '•' || len(s) == n {
		return s
	}
	rest := s[n:]
	trimmed := strings.TrimLeftFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || r == 0xa0 })
	if len(trimmed) == len(rest) || trimmed == "" {
		return s // "·5" or a bullet alone is not a list item
	}
	return "• " + trimmed
}
