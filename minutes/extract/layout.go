package extract

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// Layout of a PDF page: characters with boxes in, lines of text out.
//
// Characters are grouped, in the order the page draws them, into runs
// (text on one line without a wide gap); runs into lines by their
// vertical overlap; a line's runs, left to right, into segments (runs
// closer than about an em). Lines are read top to bottom, so a minute
// number set in a margin column ends up on the line of its heading:
// "41. Apologies". Where three or more segments line up in columns over
// consecutive lines, the lines are a table: its rows are found from the
// drawing order (PDF writers draw a table cell by cell, row by row), and
// each row is written as one line, cells joined by " | ".

// glyph is one character and its box, in PDF points, y up.
type glyph struct {
	r              rune
	x0, x1, y0, y1 float32
}

// run is text drawn in one go on one line.
type run struct {
	text           string
	x0, x1, y0, y1 float32
	order          int
	spaceBefore    bool
}

func (r *run) h() float32  { return max(r.y1-r.y0, 1) }
func (r *run) yc() float32 { return (r.y0 + r.y1) / 2 }

// overlapY is the vertical overlap of two boxes as a share of the smaller.
func overlapY(a0, a1, b0, b1 float32) float32 {
	o := min(a1, b1) - max(a0, b0)
	m := min(a1-a0, b1-b0)
	if m <= 0 {
		return 0
	}
	return o / m
}

func makeRuns(gs []glyph) []*run {
	var (
		runs    []*run
		cur     *run
		b       strings.Builder
		prev    glyph
		space   bool
		pending bool
	)
	finish := func() {
		if cur != nil {
			cur.text = b.String()
			runs = append(runs, cur)
			cur = nil
		}
		b.Reset()
	}
	for i, g := range gs {
		if unicode.IsSpace(g.r) || g.r == 0xa0 {
			space = true
			continue
		}
		if g.r == 2 {
			// PDFium's mark for a hyphen at the end of a line.
			g.r = '-'
		}
		if !unicode.IsPrint(g.r) && !unicode.Is(unicode.Co, g.r) {
			continue
		}
		if math.IsNaN(float64(g.x0+g.x1+g.y0+g.y1)) || math.IsInf(float64(g.x0+g.x1+g.y0+g.y1), 0) {
			continue
		}
		h := max(g.y1-g.y0, 1)
		if cur != nil {
			ph := max(prev.y1-prev.y0, 1)
			gap := g.x0 - prev.x1
			same := overlapY(prev.y0, prev.y1, g.y0, g.y1) >= 0.5
			switch {
			case !same || gap < -0.5*min(h, ph) || gap > 0.8*max(h, ph):
				finish()
				pending = space
			default:
				if space || gap > 0.15*max(h, ph) {
					b.WriteByte(' ')
				}
			}
		}
		if cur == nil {
			cur = &run{x0: g.x0, x1: g.x1, y0: g.y0, y1: g.y1, order: i, spaceBefore: pending || space}
		}
		b.WriteRune(g.r)
		cur.x0, cur.x1 = min(cur.x0, g.x0), max(cur.x1, g.x1)
		cur.y0, cur.y1 = min(cur.y0, g.y0), max(cur.y1, g.y1)
		prev = g
		space = false
	}
	finish()
	return runs
}

func abs32(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}

// seg is a line's text between wide gaps.
type seg struct {
	text           string
	x0, x1, y0, y1 float32
	order          int
	col            int
}

type line struct {
	segs   []*seg
	y0, y1 float32
	h      float32 // the height of its tallest run
}

func groupLines(runs []*run) []*line {
	sorted := slices.Clone(runs)
	slices.SortStableFunc(sorted, func(a, b *run) int {
		switch {
		case a.yc() > b.yc():
			return -1
		case a.yc() < b.yc():
			return 1
		}
		return a.order - b.order
	})
	type acc struct {
		runs   []*run
		y0, y1 float32 // the tallest run's box
	}
	var lines []*acc
	for _, r := range sorted {
		var into *acc
		for k := len(lines) - 1; k >= 0 && k >= len(lines)-2; k-- {
			if overlapY(lines[k].y0, lines[k].y1, r.y0, r.y1) >= 0.5 {
				into = lines[k]
				break
			}
		}
		if into == nil {
			into = &acc{y0: r.y0, y1: r.y1}
			lines = append(lines, into)
		}
		into.runs = append(into.runs, r)
		if r.y1-r.y0 > into.y1-into.y0 {
			into.y0, into.y1 = r.y0, r.y1
		}
	}
	out := make([]*line, 0, len(lines))
	for _, a := range lines {
		slices.SortStableFunc(a.runs, func(p, q *run) int {
			switch {
			case p.x0 < q.x0:
				return -1
			case p.x0 > q.x0:
				return 1
			}
			return 0
		})
		l := &line{y0: a.y0, y1: a.y1, h: max(a.y1-a.y0, 1)}
		var cur *seg
		var b strings.Builder
		var last *run
		for _, r := range a.runs {
			h := max(r.h(), l.h*0.5)
			if last != nil && r.text == last.text && abs32(r.x0-last.x0) < 0.5*h {
				continue // the same text drawn again on itself (fake bold)
			}
			if cur != nil && r.x0-last.x1 < 0.8*h {
				if r.x0-last.x1 > 0.15*h || r.spaceBefore && r.x0 > last.x1 {
					b.WriteByte(' ')
				}
				b.WriteString(r.text)
				cur.x1 = max(cur.x1, r.x1)
				cur.y0, cur.y1 = min(cur.y0, r.y0), max(cur.y1, r.y1)
				cur.order = min(cur.order, r.order)
				last = r
				continue
			}
			if cur != nil {
				cur.text = b.String()
				l.segs = append(l.segs, cur)
			}
			b.Reset()
			b.WriteString(r.text)
			cur = &seg{x0: r.x0, x1: r.x1, y0: r.y0, y1: r.y1, order: r.order}
			last = r
		}
		if cur != nil {
			cur.text = b.String()
			l.segs = append(l.segs, cur)
		}
		out = append(out, l)
	}
	return out
}

// layoutPage returns a page's text, one line per line, tables as rows.
func layoutPage(gs []glyph) string {
	lines := attachNumbers(groupLines(makeRuns(gs)))
	var b strings.Builder
	for i := 0; i < len(lines); {
		l := lines[i]
		if len(l.segs) >= 3 {
			cols := make([]float32, len(l.segs))
			for k, s := range l.segs {
				cols[k] = s.x0
			}
			j := i + 1
			for j < len(lines) && fitsColumns(lines[j], cols, lines[j-1]) {
				j++
			}
			writeTable(&b, lines[i:j], cols)
			i = j
			continue
		}
		for k, s := range l.segs {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s.text)
		}
		b.WriteByte('\n')
		i++
	}
	return b.String()
}

// fitsColumns reports whether l continues a table with columns starting
// at cols: each of its segments lies within one column, and it is close
// enough below the line before (a lone short line must follow at the
// line spacing of a cell, or it is the paragraph after the table).
func fitsColumns(l *line, cols []float32, prev *line) bool {
	tol := 0.3 * l.h
	gap := prev.y0 - l.y1
	if len(l.segs) == 1 && gap > 0.35*l.h || gap > 2.5*l.h {
		return false
	}
	for _, s := range l.segs {
		k := columnOf(s.x0, cols, tol)
		if k < 0 {
			return false
		}
		if k+1 < len(cols) && s.x1 > cols[k+1]+tol {
			return false
		}
		s.col = k
	}
	return true
}

// columnOf returns the column whose span holds x, or -1 left of the first.
func columnOf(x float32, cols []float32, tol float32) int {
	if x < cols[0]-tol {
		return -1
	}
	k := 0
	for k+1 < len(cols) && x >= cols[k+1]-tol {
		k++
	}
	return k
}

// writeTable writes table lines as rows. Rows follow the drawing order: a
// segment in an earlier column than the one drawn before it, and below
// everything in the row so far, starts a new row.
func writeTable(b *strings.Builder, lines []*line, cols []float32) {
	var segs []*seg
	for _, l := range lines {
		for _, s := range l.segs {
			s.col = max(columnOf(s.x0, cols, 0.3*l.h), 0)
			segs = append(segs, s)
		}
	}
	slices.SortStableFunc(segs, func(p, q *seg) int { return p.order - q.order })
	type row struct {
		cells [][]string
		low   float32
	}
	var rows []*row
	var cur *row
	var prev *seg
	for _, s := range segs {
		h := s.y1 - s.y0
		newRow := cur == nil
		if !newRow && prev != nil {
			below := s.y1 <= cur.low+0.3*h
			newRow = s.col < prev.col && below || s.col == prev.col && prev.y0-s.y1 > 1.0*h
		}
		if newRow {
			cur = &row{cells: make([][]string, len(cols)), low: s.y0}
			rows = append(rows, cur)
		}
		cur.cells[s.col] = append(cur.cells[s.col], s.text)
		cur.low = min(cur.low, s.y0)
		prev = s
	}
	// A row without a first cell, in a table whose rows mostly have one,
	// is the wrapped rest of the row above (tables drawn line by line).
	first := 0
	for _, r := range rows {
		if len(r.cells[0]) > 0 {
			first++
		}
	}
	var merged []*row
	for _, r := range rows {
		if len(merged) > 0 && len(r.cells[0]) == 0 && first*2 >= len(rows) {
			m := merged[len(merged)-1]
			for k := range r.cells {
				m.cells[k] = append(m.cells[k], r.cells[k]...)
			}
			continue
		}
		merged = append(merged, r)
	}
	for _, r := range merged {
		cells := make([]string, len(r.cells))
		for k, c := range r.cells {
			cells[k] = joinCellLines(c)
		}
		for len(cells) > 1 && cells[len(cells)-1] == "" {
			cells = cells[:len(cells)-1]
		}
		b.WriteString(strings.Join(cells, " | "))
		b.WriteByte('\n')
	}
}

// joinCellLines joins the lines of a table cell with spaces, except after
// a line that ends in a hyphen ("fly-" + "tipping").
func joinCellLines(parts []string) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 && !strings.HasSuffix(parts[i-1], "-") {
			b.WriteByte(' ')
		}
		b.WriteString(p)
	}
	return b.String()
}

// minuteNumber matches a segment that is only a minute or paragraph
// number: "12.", "12", "12(b)", "9.1.1", "OSC/12", "19.09.01".
var minuteNumber = regexp.MustCompile(`^[A-Z]{0,4}[/-]?\d{1,4}([./]\d{1,3})*(\([a-z0-9]{1,3}\))?[.:]?$`)

// attachNumbers puts a minute number that starts a line but belongs to
// other text (a number column whose cells are centred vertically, so the
// number sits level with the middle of its minute) in front of the text
// drawn right after it, when that text starts another line nearby to its
// right: the heading of the minute it numbers.
func attachNumbers(lines []*line) []*line {
	type pos struct{ line, seg int }
	var all []pos
	for i, l := range lines {
		for k := range l.segs {
			all = append(all, pos{i, k})
		}
	}
	at := func(p pos) *seg { return lines[p.line].segs[p.seg] }
	slices.SortFunc(all, func(a, b pos) int { return at(a).order - at(b).order })
	next := make(map[*seg]pos, len(all))
	for k := 0; k+1 < len(all); k++ {
		next[at(all[k])] = all[k+1]
	}
	moved := false
	for i, l := range lines {
		if len(l.segs) == 0 || !minuteNumber.MatchString(l.segs[0].text) {
			continue
		}
		num := l.segs[0]
		p, ok := next[num]
		if !ok || p.line == i || p.seg != 0 || p.line >= len(lines) || len(lines[p.line].segs) == 0 {
			continue
		}
		target := lines[p.line]
		if len(target.segs) == 0 || target.segs[0] != at(p) {
			continue // moved already
		}
		head := target.segs[0]
		if head.x0 <= num.x1 || abs32((l.y0+l.y1)/2-(target.y0+target.y1)/2) > 25*l.h {
			continue
		}
		target.segs = append([]*seg{num}, target.segs...)
		l.segs = l.segs[1:]
		moved = true
	}
	if !moved {
		return lines
	}
	out := lines[:0]
	for _, l := range lines {
		if len(l.segs) > 0 {
			out = append(out, l)
		}
	}
	return out
}
