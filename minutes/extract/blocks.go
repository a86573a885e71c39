package extract

import (
	"strings"
	"unicode/utf8"
)

// A block is a unit of a structured document (DOCX, HTML) before it is
// laid out as text: a paragraph (one line of output, its list label
// already in front) or a table.
type block struct {
	text string      // paragraph text; "\n" where the document breaks the line
	rows [][][]block // table: rows of cells of blocks; nil for a paragraph
}

func (b block) isTable() bool { return b.rows != nil }

// renderBlocks lays blocks out as text: one line per paragraph (and per
// line break inside one) and one line per table row, cells joined by
// " | ". A two-cell row whose first cell is short (a minute number such
// as "41." or a label such as "Present:") is a layout table, as council
// templates use for minute numbers: it becomes the first cell, a space,
// and the second cell's lines, so the number stays with its heading.
func renderBlocks(blocks []block) string {
	var b strings.Builder
	writeBlocks(&b, blocks)
	return b.String()
}

func writeBlocks(b *strings.Builder, blocks []block) {
	for _, bl := range blocks {
		if !bl.isTable() {
			writeLines(b, bl.text)
			continue
		}
		for _, row := range bl.rows {
			writeRow(b, row)
		}
	}
}

// writeLines writes a paragraph's text, one output line per line break,
// trimmed, skipping lines left empty.
func writeLines(b *strings.Builder, text string) {
	for line := range strings.SplitSeq(text, "\n") {
		line = squeezeSpaces(line)
		if line == "" {
			continue
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
}

func writeRow(b *strings.Builder, row [][]block) {
	cells := make([]string, len(row))
	empty := true
	for i, c := range row {
		cells[i] = cellText(c)
		if cells[i] != "" {
			empty = false
		}
	}
	switch {
	case empty:
		return
	case len(row) == 1:
		writeBlocks(b, row[0])
		return
	case len(row) == 2 && isLabelCell(cells[0]) && hasLayout(row[1]):
		var inner strings.Builder
		writeBlocks(&inner, row[1])
		rest := inner.String()
		if cells[0] != "" {
			b.WriteString(cells[0])
			if rest != "" {
				b.WriteByte(' ')
			} else {
				b.WriteByte('\n')
			}
		}
		b.WriteString(rest)
		return
	}
	// A data row: trailing empty cells add nothing.
	for len(cells) > 1 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	b.WriteString(strings.Join(cells, " | "))
	b.WriteByte('\n')
}

// isLabelCell reports a first cell short enough to be a minute number or
// a label ("41.", "12(b)", "Present:").
func isLabelCell(s string) bool {
	return utf8.RuneCountInString(s) <= 14 && !strings.Contains(s, " | ")
}

// hasLayout reports whether a cell holds running text rather than a short
// value: several blocks, or a long paragraph.
func hasLayout(c []block) bool {
	if len(c) > 1 {
		return true
	}
	for _, bl := range c {
		if bl.isTable() || utf8.RuneCountInString(bl.text) > 40 || strings.Contains(bl.text, "\n") {
			return true
		}
	}
	return false
}

// cellText flattens a cell's blocks to one line.
func cellText(c []block) string {
	var parts []string
	for _, bl := range c {
		if bl.isTable() {
			for _, row := range bl.rows {
				for _, cell := range row {
					if t := cellText(cell); t != "" {
						parts = append(parts, t)
					}
				}
			}
			continue
		}
		if t := squeezeSpaces(strings.ReplaceAll(bl.text, "\n", " ")); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}

// squeezeSpaces trims s and turns each run of spaces and tabs inside it
// into one space (tabs in a paragraph are layout, not content).
func squeezeSpaces(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, "\t\u00a0") && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\u00a0' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
