package extract

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
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
	gaps           wordGaps // between its words
}

// wordGaps sums the gaps between words, to tell a justified line's
// stretched spaces from the gaps between table cells.
type wordGaps struct {
	sum float32
	n   int
}

func (w *wordGaps) add(g float32)     { w.sum, w.n = w.sum+g, w.n+1 }
func (w *wordGaps) addAll(o wordGaps) { w.sum, w.n = w.sum+o.sum, w.n+o.n }
func (w wordGaps) mean() float32 {
	if w.n == 0 {
		return 0
	}
	return w.sum / float32(w.n)
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
		// spaces and real count the space characters since the last
		// glyph, and those of them with a width (typed spaces, not ones
		// PDFium made up for a gap).
		spaces, real int
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
			spaces++
			if g.x1-g.x0 > 0.5 {
				real++
			}
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
			// One typed space is a word space however wide the font
			// sets it (a fixed-width font's is wider than 0.8 of its
			// glyphs' height); two or more may part columns.
			word := spaces == 1 && real == 1 && gap <= 3*max(h, ph)
			switch {
			case !same || gap < -0.5*min(h, ph) || gap > 0.8*max(h, ph) && !word:
				finish()
				pending = space
			default:
				if space || gap > 0.15*max(h, ph) {
					b.WriteByte(' ')
					cur.gaps.add(gap)
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
		spaces, real = 0, 0
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
	gaps           wordGaps
	col, ln        int // column and line within a table
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
					cur.gaps.add(r.x0 - last.x1)
				}
				cur.gaps.addAll(r.gaps)
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
			cur = &seg{x0: r.x0, x1: r.x1, y0: r.y0, y1: r.y1, order: r.order, gaps: r.gaps}
			last = r
		}
		if cur != nil {
			cur.text = b.String()
			l.segs = append(l.segs, cur)
		}
		l.segs = mergeJustified(l.segs, l.h)
		out = append(out, l)
	}
	return out
}

// mergeJustified joins the words of a justified line that its stretched
// spaces split into segments ("RESOLVED: | That | the | update"). A
// justified line stretches all its spaces alike, so a gap between two
// segments is a stretched space when it is as wide as the spaces inside
// the segment before or after it, or when the line is a run of five or
// more single words with gaps all alike. The gap between two table cells
// is wider than the spaces in them, and a table's header rarely has five
// columns as closely and evenly packed.
func mergeJustified(segs []*seg, h float32) []*seg {
	if len(segs) < 2 {
		return segs
	}
	if len(segs) >= 5 {
		lo, hi := float32(math.MaxFloat32), float32(0)
		single := true
		for k, s := range segs {
			single = single && !strings.ContainsRune(s.text, ' ')
			if k > 0 {
				g := s.x0 - segs[k-1].x1
				lo, hi = min(lo, g), max(hi, g)
			}
		}
		if single && hi <= 1.2*lo && hi <= 3*h {
			return joinSegs(segs)
		}
	}
	like := func(g float32, w wordGaps) bool {
		return w.n > 0 && abs32(g-w.mean()) <= 0.3*w.mean()
	}
	out := []*seg{segs[0]}
	for _, s := range segs[1:] {
		p := out[len(out)-1]
		if g := s.x0 - p.x1; g <= 3*h && (like(g, p.gaps) || like(g, s.gaps)) {
			out[len(out)-1] = joinSegs([]*seg{p, s})[0]
			continue
		}
		out = append(out, s)
	}
	return out
}

// joinSegs joins segments of one line into one, words a space apart.
func joinSegs(segs []*seg) []*seg {
	m := *segs[0]
	texts := []string{m.text}
	for _, s := range segs[1:] {
		m.gaps.add(s.x0 - m.x1)
		m.gaps.addAll(s.gaps)
		texts = append(texts, s.text)
		m.x1 = max(m.x1, s.x1)
		m.y0, m.y1 = min(m.y0, s.y0), max(m.y1, s.y1)
		m.order = min(m.order, s.order)
	}
	m.text = strings.Join(texts, " ")
	return []*seg{&m}
}

// layoutPage returns a page's text, one line per line, tables as
// writeTableRows writes them.
func layoutPage(gs []glyph) string {
	var b strings.Builder
	writeItems(&b, layoutItems(gs))
	return b.String()
}

// pageItem is a paragraph of a page outside tables (its lines joined),
// or one of its tables.
type pageItem struct {
	text  string
	table *pageTable
}

// pageTable is a table read off a page: its rows, and the columns they
// were read in.
type pageTable struct {
	rows [][]tableCell
	cols columns
}

// layoutItems lays a page out: its lines and tables, top to bottom.
func layoutItems(gs []glyph) []pageItem {
	lines := groupLines(makeRuns(gs))
	regions := findTables(lines)
	margin := rightMargin(lines, regions)
	var items []pageItem
	plain := func(ls []*line) {
		for _, p := range paragraphs(attachNumbers(ls), margin) {
			items = append(items, pageItem{text: p})
		}
	}
	at := 0
	for _, r := range regions {
		plain(lines[at:r.from])
		items = append(items, pageItem{table: &pageTable{rows: readRegion(lines[r.from:r.to], r.cols), cols: r.cols}})
		at = r.to
	}
	plain(lines[at:])
	return items
}

// rightMargin returns where the page's running text ends on the right:
// the right end of its widest line outside tables.
func rightMargin(lines []*line, regions []region) float32 {
	var right float32
	at := 0
	for _, r := range regions {
		for _, l := range lines[at:r.from] {
			if len(l.segs) > 0 {
				right = max(right, l.segs[len(l.segs)-1].x1)
			}
		}
		at = r.to
	}
	for _, l := range lines[at:] {
		if len(l.segs) > 0 {
			right = max(right, l.segs[len(l.segs)-1].x1)
		}
	}
	return right
}

// paragraphs joins a run of lines outside tables into paragraphs, as a
// word processor holds them, so that a PDF reads as its Word original
// does (a time or a name is no longer split by a line end: "held on 12
// March 2024 at" / "6.30 pm."). A line continues the one above when that
// one is long (a line of running text, not of a list of names) and full
// (the first word of the line would not have fitted before the right
// margin), it follows at the line spacing, it starts near the same place,
// and it does not start a list item, a numbered minute or a label.
func paragraphs(lines []*line, margin float32) []string {
	var out []string
	var prev *line
	for _, l := range lines {
		text := normaliseBullet(segText(l.segs))
		if len(l.segs) > 1 && loneBullet(l.segs[0].text) {
			text = "• " + segText(l.segs[1:])
		}
		if text == "" {
			continue
		}
		if prev != nil && margin > 0 && continues(prev, l, text, margin) {
			out[len(out)-1] = joinWrapped(out[len(out)-1], text)
		} else {
			out = append(out, text)
		}
		prev = l
	}
	return out
}

// continues reports whether line l (text its text) is the wrapped rest of
// line p.
func continues(p, l *line, text string, margin float32) bool {
	if len(p.segs) == 0 || len(l.segs) == 0 {
		return false
	}
	h := max(p.h, l.h)
	first, last := l.segs[0], p.segs[len(p.segs)-1]
	switch {
	case p.y1-l.y1 > 1.5*h || p.y1-l.y1 < 0.5*h:
		return false // a paragraph gap, or not the line below
	case last.x1-p.segs[0].x0 < 20*h:
		return false // a short line: a heading, an entry of a list
	case first.x0 < p.segs[0].x0-3*h || first.x0 > p.segs[0].x0+4*h:
		return false // starts elsewhere
	case startsUnit(text):
		return false
	}
	word, _, _ := strings.Cut(first.text, " ")
	w := (first.x1 - first.x0) * float32(utf8.RuneCountInString(word)) / float32(max(utf8.RuneCountInString(first.text), 1))
	return last.x1+0.25*h+w > margin-0.5*h
}

// startsUnit reports a line that starts something of its own: a list
// item, a numbered minute or paragraph, a label ("Present:",
// "RESOLVED:"), a word in capitals ("RESOLVED –").
func startsUnit(s string) bool {
	w, rest, _ := strings.Cut(s, " ")
	switch {
	case w == "•" || listLabel.MatchString(w):
		return true
	case strings.ContainsAny(w[:1], "|#*=_"):
		return true // a row of a text table, a Markdown heading or rule
	case minuteNumber.MatchString(w) && rest != "" && !startsLower(rest):
		return true
	case strings.HasSuffix(w, ":") && len(w) > 1:
		return true
	case capitalWord(w):
		return true // "RESOLVED –", "AGREED that", "ACTION"
	}
	return false
}

// capitalWord reports a word of five or more capitals (an acronym is
// usually shorter): a decision's or a heading's first word.
func capitalWord(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			n++
		case unicode.IsLetter(r):
			return false
		}
	}
	return n >= 5
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func writeItems(b *strings.Builder, items []pageItem) {
	for _, it := range items {
		if it.table != nil {
			writeTableRows(b, it.table.rows)
		} else {
			writeLine(b, it.text)
		}
	}
}

// furnitureLines is how many lines of a page's running header or footer
// may stand between a table that runs on to the next page and the page
// break.
const furnitureLines = 4

// joinPages carries a table across a page break: when the page before
// ends with a table (but for a footer) and the next page starts with one
// in the same columns (but for a header), the next page's repeat of the
// table's header row is dropped, and a first row without a first cell,
// the rest of a row that the break split, joins the last row before the
// break. So a table reads as its Word original does.
func joinPages(before, after []pageItem) {
	var t1, t2 *pageTable
	for k := len(before) - 1; k >= 0 && k >= len(before)-1-furnitureLines; k-- {
		if t1 = before[k].table; t1 != nil {
			break
		}
	}
	for k := 0; k < len(after) && k <= furnitureLines; k++ {
		if t2 = after[k].table; t2 != nil {
			break
		}
	}
	if t1 == nil || t2 == nil || len(t1.rows) == 0 || len(t2.rows) == 0 || !sameColumns(t1.cols, t2.cols) {
		return
	}
	if rowText(t2.rows[0]) == rowText(t1.rows[0]) {
		t2.rows = t2.rows[1:]
	}
	if len(t2.rows) == 0 || !t2.rows[0][0].empty() || t1.rows[len(t1.rows)-1][0].empty() {
		return
	}
	last := t1.rows[len(t1.rows)-1]
	for k, c := range t2.rows[0] {
		if k >= len(last) || c.empty() {
			continue
		}
		cont := slices.Clone(c.cont)
		cont[0] = !last[k].empty()
		last[k] = tableCell{lines: append(slices.Clone(last[k].lines), c.lines...), cont: append(slices.Clone(last[k].cont), cont...)}
	}
	t2.rows = t2.rows[1:]
}

// sameColumns reports whether two tables' columns start at the same
// places (one table broken across a page).
func sameColumns(a, b columns) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if abs32(a[k].x0-b[k].x0) > 6 {
			return false
		}
	}
	return true
}

func rowText(r []tableCell) string {
	var b strings.Builder
	for _, c := range r {
		b.WriteString(c.text())
		b.WriteString(" | ")
	}
	return b.String()
}

func segText(segs []*seg) string {
	var b strings.Builder
	for k, s := range segs {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s.text)
	}
	return b.String()
}

// Tables. A table is a run of lines whose segments fall into columns:
// horizontal spans that no segment crosses. It starts at a line of two or
// more segments and grows up and down while each line's segments each lie
// in one column (a line of running text across the gap between two
// columns ends it). A line of one segment in the first column is taken
// only when it sits close to the line beside it or a line just beyond it
// has text in another column: so the paragraph after a table stays out,
// and the top line of a cell centred beside taller ones stays in.
//
// Within a table, rows come from the drawing order: PDF writers draw a
// table cell by cell, row by row, so a segment in an earlier column than
// the one drawn before it, and below everything in the row so far, starts
// a new row. That holds whatever the cells' vertical alignment: a label
// centred beside four lines of names is drawn before them, and so heads
// its row.

// span is the horizontal extent of one column of a table.
type span struct{ x0, x1 float32 }

// columns are a table's column spans, left to right, none touching.
type columns []span

// touching returns the first column that [x0, x1] overlaps or comes
// within m of, and how many it does.
func (c columns) touching(x0, x1, m float32) (first, n int) {
	first = -1
	for k, s := range c {
		if x0 < s.x1+m && x1 > s.x0-m {
			if first < 0 {
				first = k
			}
			n++
		}
	}
	return first, n
}

// fit returns the columns with l's segments added, and whether l fits:
// each segment lies in one column or, when newCols allows, in a gap where
// it starts a column of its own, and no two columns come to touch.
func (c columns) fit(l *line, newCols bool) (columns, bool) {
	m := 0.3 * l.h
	out := slices.Clone(c)
	last := -1
	for i, s := range l.segs {
		k, n := out.touching(s.x0, s.x1, m)
		switch {
		case n > 1:
			return c, false
		case n == 1 && k == last && s.x0-l.segs[i-1].x1 > 3.5*l.h:
			// Two cells' worth of text far apart in one column: the
			// header of another table ("Payee  Description  Amount"
			// under a number | text layout), not a line of this one.
			return c, false
		case n == 1:
			out[k].x0, out[k].x1 = min(out[k].x0, s.x0), max(out[k].x1, s.x1)
		case !newCols:
			return c, false
		default:
			k = 0
			for k < len(out) && out[k].x0 < s.x0 {
				k++
			}
			out = slices.Insert(out, k, span{s.x0, s.x1})
		}
		if k > 0 && out[k].x0-out[k-1].x1 < m || k+1 < len(out) && out[k+1].x0-out[k].x1 < m {
			return c, false
		}
		last = k
	}
	return out, true
}

// region is a table: lines[from:to] with their columns.
type region struct {
	from, to int
	cols     columns
}

// findTables finds a page's tables, top to bottom.
func findTables(lines []*line) []region {
	var out []region
	floor := 0
	for i := 0; i < len(lines); i++ {
		if len(lines[i].segs) < 2 {
			continue
		}
		cols, ok := columns(nil).fit(lines[i], true)
		if !ok {
			continue
		}
		// Up first: the lines above a table's first line of several
		// segments are its rows' tops, while a table usually ends at a
		// paragraph whose first words might still fit its columns.
		from, to := i, i+1
		for from > floor {
			c, ok := growTable(lines, from-1, from, -1, cols)
			if !ok {
				break
			}
			cols, from = c, from-1
		}
		for to < len(lines) {
			c, ok := growTable(lines, to, to-1, 1, cols)
			if !ok {
				break
			}
			cols, to = c, to+1
		}
		cols = mergeColumns(lines[from:to], cols)
		// Two segments on one line alone are a label and its text, or a
		// wide gap in a sentence, not a table.
		if len(cols) >= 2 && (to-from >= 2 || len(lines[i].segs) >= 3) {
			out = append(out, region{from, to, cols})
			floor = to
			i = to - 1
		}
	}
	return out
}

// mergeColumns joins a column that has text only in a table's first line
// (its header row) to a neighbouring one that has none there: one column
// whose header is aligned left and whose figures are aligned right
// ("Amount" over "£212.40").
func mergeColumns(lines []*line, cols columns) columns {
	if len(lines) < 2 {
		return cols
	}
	// where[k] is 1 if column k has text only in the first line, 2 if
	// only below it, 3 if in both.
	where := make([]int, len(cols))
	for i, l := range lines {
		for _, s := range l.segs {
			if i == 0 {
				where[cols.columnOf(s)] |= 1
			} else {
				where[cols.columnOf(s)] |= 2
			}
		}
	}
	for k := 0; k+1 < len(cols); {
		if where[k]|where[k+1] == 3 && where[k] != 3 && where[k+1] != 3 {
			cols[k].x1 = cols[k+1].x1
			cols = slices.Delete(cols, k+1, k+2)
			where[k] = 3
			where = slices.Delete(where, k+1, k+2)
			continue
		}
		k++
	}
	return cols
}

// growTable reports whether line k, next to line ref of a table (below it
// when dir is 1, above when -1), belongs to the table, and returns the
// columns with it.
func growTable(lines []*line, k, ref, dir int, cols columns) (columns, bool) {
	l, r := lines[k], lines[ref]
	gap := r.y0 - l.y1
	if dir < 0 {
		gap = l.y0 - r.y1
	}
	if gap > 2.5*max(l.h, r.h) {
		return cols, false
	}
	if len(l.segs) == 1 {
		s := l.segs[0]
		c, n := cols.touching(s.x0, s.x1, 0.3*l.h)
		switch {
		case n != 1:
			return cols, false
		case c == 0 && !aligned(s, cols[0], 0.5*l.h):
			// Not aligned with the first column: a heading above an
			// indented list, not a label in the table.
			return cols, false
		case c == 0 && gap > 0.35*l.h && !textBeyond(lines, k, dir, cols):
			return cols, false
		}
	}
	return cols.fit(l, len(l.segs) >= 2)
}

// aligned reports whether s lines up with a column's left edge (within
// tol), or its right edge or middle (within a point and a half: a cell's
// text aligned right or centred).
func aligned(s *seg, c span, tol float32) bool {
	return abs32(s.x0-c.x0) <= tol || abs32(s.x1-c.x1) <= 1.5 || abs32((s.x0+s.x1)-(c.x0+c.x1)) <= 3
}

// textBeyond reports whether one of the few lines beyond line k (in
// direction dir, within three line heights) fits the columns and has
// text in a column other than the first: then a lone line in the first
// column is the top (or bottom) of a row, not a paragraph beside the
// table.
func textBeyond(lines []*line, k, dir int, cols columns) bool {
	l := lines[k]
	for m := k + dir; m >= 0 && m < len(lines) && (m-k)*dir <= 3; m += dir {
		o := lines[m]
		dist := l.y0 - o.y1
		if dir < 0 {
			dist = o.y0 - l.y1
		}
		if dist > 3*l.h {
			return false
		}
		c, ok := cols.fit(o, len(o.segs) >= 2)
		if !ok {
			return false
		}
		for _, s := range o.segs {
			if i, _ := c.touching(s.x0, s.x1, 0); i > 0 {
				return true
			}
		}
	}
	return false
}

// columnOf returns the column that holds most of s.
func (c columns) columnOf(s *seg) int {
	best, most := 0, float32(-1)
	for k, sp := range c {
		o := min(s.x1, sp.x1) - max(s.x0, sp.x0)
		if o > most {
			best, most = k, o
		}
	}
	return best
}

// tableRow is a row of a table being read: its segments by column, and
// the vertical extent of what it holds so far.
type tableRow struct {
	cells    [][]*seg
	top, low float32
}

// readRegion reads a table's rows.
func readRegion(lines []*line, cols columns) [][]tableCell {
	var segs []*seg
	for i, l := range lines {
		for _, s := range l.segs {
			s.col, s.ln = cols.columnOf(s), i
			segs = append(segs, s)
		}
	}
	slices.SortStableFunc(segs, func(p, q *seg) int { return p.order - q.order })
	var rows []*tableRow
	var cur *tableRow
	var prev *seg
	for _, s := range segs {
		h := max(s.y1-s.y0, 1)
		newRow := cur == nil
		if !newRow {
			below := s.y1 <= cur.low+0.3*h
			newRow = s.col < prev.col && below || s.col == prev.col && prev.y0-s.y1 > 1.5*h
		}
		if newRow {
			cur = &tableRow{cells: make([][]*seg, len(cols)), top: s.y1, low: s.y0}
			rows = append(rows, cur)
		}
		cur.cells[s.col] = append(cur.cells[s.col], s)
		cur.top, cur.low = max(cur.top, s.y1), min(cur.low, s.y0)
		prev = s
	}
	slices.SortStableFunc(rows, func(p, q *tableRow) int {
		switch {
		case p.top > q.top:
			return -1
		case p.top < q.top:
			return 1
		}
		return 0
	})
	// A row without a first cell right under the row above, in a table
	// whose rows mostly have one, is the wrapped rest of that row (a
	// table drawn line by line rather than cell by cell).
	first := 0
	for _, r := range rows {
		if len(r.cells[0]) > 0 {
			first++
		}
	}
	var merged []*tableRow
	for _, r := range rows {
		if n := len(merged); n > 0 && len(r.cells[0]) == 0 && first*2 >= len(rows) && merged[n-1].low-r.top <= 0.5*lines[0].h {
			m := merged[n-1]
			for k := range r.cells {
				m.cells[k] = append(m.cells[k], r.cells[k]...)
			}
			m.low = min(m.low, r.low)
			continue
		}
		merged = append(merged, r)
	}
	// The right edge of each column's text, for telling wrapped lines
	// from lines that end early.
	edge := make([]float32, len(cols))
	for _, s := range segs {
		edge[s.col] = max(edge[s.col], s.x1)
	}
	var h float32 = 1
	for _, l := range lines {
		h = max(h, l.h)
	}
	out := make([][]tableCell, len(merged))
	for i, r := range merged {
		out[i] = make([]tableCell, len(cols))
		for k, c := range r.cells {
			out[i][k] = pdfCell(c, edge[k], h)
		}
	}
	return out
}

// cellLine is one line of text in a table cell.
type cellLine struct {
	text           string
	x0, x1, y0, y1 float32
	firstWord      float32 // the width of its first word, estimated
}

// pdfCell turns a cell's segments into its lines, top to bottom, marking
// those that continue the line above: a line follows on from the one
// above unless it sits lower than the line spacing (a new paragraph), or
// its first word would have fitted on the line above and it starts as a
// new entry does (a capital, a digit, a bullet). h is the height of the
// table's text (line boxes differ by their descenders, so lines are
// measured from the tops).
func pdfCell(segs []*seg, edge, h float32) tableCell {
	if len(segs) == 0 {
		return tableCell{}
	}
	slices.SortStableFunc(segs, func(p, q *seg) int {
		if p.ln != q.ln {
			return p.ln - q.ln
		}
		switch {
		case p.x0 < q.x0:
			return -1
		case p.x0 > q.x0:
			return 1
		}
		return 0
	})
	var ls []cellLine
	for i := 0; i < len(segs); {
		j := i + 1
		for j < len(segs) && segs[j].ln == segs[i].ln {
			j++
		}
		cl := cellLine{text: normaliseBullet(segText(segs[i:j])), x0: segs[i].x0, x1: segs[j-1].x1, y0: segs[i].y0, y1: segs[i].y1}
		for _, s := range segs[i:j] {
			cl.y0, cl.y1 = min(cl.y0, s.y0), max(cl.y1, s.y1)
		}
		f := segs[i]
		word, _, _ := strings.Cut(f.text, " ")
		if n := utf8.RuneCountInString(f.text); n > 0 {
			cl.firstWord = (f.x1 - f.x0) * float32(utf8.RuneCountInString(word)) / float32(n)
		}
		ls = append(ls, cl)
		i = j
	}
	c := tableCell{lines: make([]string, len(ls)), cont: make([]bool, len(ls)), flow: make([]bool, len(ls))}
	for i, l := range ls {
		c.lines[i] = l.text
		if i == 0 {
			continue
		}
		p := ls[i-1]
		full := p.x1+0.25*h+l.firstWord > edge-0.25*h
		switch {
		case p.y1-l.y1 > 1.55*h:
			// a paragraph gap
		case !full && startsEntry(l.text):
			// ended early: the next line is an entry of its own
		default:
			c.cont[i] = true
			c.flow[i] = full && p.x1-p.x0 >= 20*h && !startsUnit(l.text)
		}
	}
	return c
}

// startsEntry reports whether a line starts as a list entry or sentence
// does: a capital, a digit, a bullet or an opening bracket.
func startsEntry(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '•' || r == '(' || r == '['
}

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
