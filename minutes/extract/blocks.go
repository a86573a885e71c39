package extract

import "strings"

// A block is a unit of a structured document (DOCX, HTML) before it is
// laid out as text: a paragraph (one line of output, its list label
// already in front) or a table.
type block struct {
	text string      // paragraph text; "\n" where the document breaks the line
	rows [][][]block // table: rows of cells of blocks; nil for a paragraph
}

func (b block) isTable() bool { return b.rows != nil }

// renderBlocks lays blocks out as text: one line per paragraph (and per
// line break inside one) and tables as writeTableRows writes them, so a
// table reads the same from Word, HTML and PDF.
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
		rows := make([][]tableCell, 0, len(bl.rows))
		for _, row := range bl.rows {
			cells := make([]tableCell, len(row))
			for i, c := range row {
				cells[i] = blockCell(c)
			}
			rows = append(rows, cells)
		}
		writeTableRows(b, rows)
	}
}

// blockCell lays a cell's blocks out as its lines: a line per paragraph
// or line break, nested tables as their rows.
func blockCell(c []block) tableCell {
	var inner strings.Builder
	writeBlocks(&inner, c)
	t := strings.TrimSuffix(inner.String(), "\n")
	if t == "" {
		return tableCell{}
	}
	return tableCell{lines: strings.Split(t, "\n")}
}

// writeLines writes a paragraph's text, one output line per line break,
// trimmed, skipping lines left empty; a bullet glyph in front of a line
// becomes "•".
func writeLines(b *strings.Builder, text string) {
	for line := range strings.SplitSeq(text, "\n") {
		line = normaliseBullet(squeezeSpaces(line))
		if line == "" {
			continue
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
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
