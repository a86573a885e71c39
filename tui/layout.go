package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// scroller is a list's cursor and scroll position. Only rows offset …
// offset+height-1 are drawn, so a list of any length costs the same to
// draw.
type scroller struct {
	cursor int
	offset int
	n      int
	height int
	// selectable reports whether row i can hold the cursor (nil: all can);
	// the due board's group headings cannot.
	selectable func(i int) bool
}

func (s *scroller) setLen(n int) {
	s.n = n
	s.clamp()
}

func (s *scroller) setHeight(h int) {
	s.height = max(h, 1)
	s.clamp()
}

func (s *scroller) ok(i int) bool {
	return i >= 0 && i < s.n && (s.selectable == nil || s.selectable(i))
}

// move moves the cursor d selectable rows (negative: up). When there is
// no selectable row that way, the cursor stays.
func (s *scroller) move(d int) {
	if s.n == 0 {
		return
	}
	step := 1
	if d < 0 {
		step, d = -1, -d
	}
	c := s.cursor
	for ; d > 0; d-- {
		next := s.find(c+step, step)
		if next < 0 {
			break
		}
		c = next
	}
	s.cursor = c
	s.clamp()
}

// find returns the first selectable row from i on in direction step (1
// or -1), or -1 when there is none.
func (s *scroller) find(i, step int) int {
	for ; i >= 0 && i < s.n; i += step {
		if s.ok(i) {
			return i
		}
	}
	return -1
}

func (s *scroller) top() {
	s.cursor, s.offset = 0, 0
	s.clamp()
	s.offset = 0
}

func (s *scroller) bottom() {
	s.cursor = s.n - 1
	if c := s.find(s.n-1, -1); c >= 0 {
		s.cursor = c
	}
	s.clamp()
}

// clamp keeps the cursor on a selectable row (the next one down, else up;
// when no row is selectable it stays on a row, which then holds nothing
// to act on) and in sight. It never calls move: move calls it.
func (s *scroller) clamp() {
	if s.n == 0 {
		s.cursor, s.offset = 0, 0
		return
	}
	s.cursor = min(max(s.cursor, 0), s.n-1)
	if !s.ok(s.cursor) {
		if c := s.find(s.cursor, 1); c >= 0 {
			s.cursor = c
		} else if c := s.find(s.cursor, -1); c >= 0 {
			s.cursor = c
		}
	}
	h := max(s.height, 1)
	if s.cursor < s.offset {
		s.offset = s.cursor
		// show a group heading right above the first row of its group
		if s.offset > 0 && !s.ok(s.offset-1) {
			s.offset--
		}
	}
	if s.cursor >= s.offset+h {
		s.offset = s.cursor - h + 1
	}
	s.offset = min(max(s.offset, 0), max(s.n-h, 0))
}

// visible returns the rows to draw, [from, to).
func (s *scroller) visible() (from, to int) {
	return s.offset, min(s.offset+max(s.height, 1), s.n)
}

// handleKey moves the cursor for the list keys and reports whether msg
// was one of them.
func (s *scroller) handleKey(msg tea.KeyMsg, k KeyMap) bool {
	switch {
	case key.Matches(msg, k.Up):
		s.move(-1)
	case key.Matches(msg, k.Down):
		s.move(1)
	case key.Matches(msg, k.PageUp):
		s.move(-max(s.height-1, 1))
	case key.Matches(msg, k.PageDown):
		s.move(max(s.height-1, 1))
	case key.Matches(msg, k.Top):
		s.top()
	case key.Matches(msg, k.Bottom):
		s.bottom()
	default:
		return false
	}
	return true
}

// click handles a left click at line y of a list whose first row is
// drawn top lines down (rows rowLines lines tall): it moves the cursor to
// the row clicked and reports whether it was the row already selected,
// which a second click opens. ok is false when the click is on no row.
func (s *scroller) click(msg tea.MouseMsg, top, rowLines int) (again, ok bool) {
	if msg.Action != tea.MouseActionPress || msg.Button != tea.MouseButtonLeft || msg.Y < top {
		return false, false
	}
	i := s.offset + (msg.Y-top)/max(rowLines, 1)
	from, to := s.visible()
	if i < from || i >= to || !s.ok(i) {
		return false, false
	}
	again = i == s.cursor
	s.cursor = i
	s.clamp()
	return again, true
}

// wheelLines is how far one notch of the mouse wheel scrolls.
const wheelLines = 3

// wheel returns how many rows a mouse event scrolls, 0 when it is not the
// wheel.
func wheel(msg tea.MouseMsg) int {
	if msg.Action != tea.MouseActionPress {
		return 0
	}
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		return -wheelLines
	case tea.MouseButtonWheelDown:
		return wheelLines
	}
	return 0
}

// fit truncates plain text s to w cells (with "…") and pads it with
// spaces to exactly w.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := ansi.StringWidth(s)
	if sw > w {
		s = ansi.Truncate(s, w, "…")
		sw = ansi.StringWidth(s)
	}
	if sw < w {
		s += strings.Repeat(" ", w-sw)
	}
	return s
}

// trunc truncates s (which may be styled) to w cells, with "…".
func trunc(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// padLines makes s exactly h lines, each cut to w cells: what a view
// returns, so that the root can stack views without measuring them.
func padLines(s string, w, h int) string {
	h = max(h, 1)
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		// A line of no more bytes than cells fits without measuring: no
		// character takes more cells than it has bytes.
		if len(l) > w && ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// stackForm draws body above an inline form (its input line, then its
// hint) in exactly h lines of at most w cells. When h is too low for
// both, the form's lines win, the input line first.
func stackForm(body, form string, w, h int) string {
	fl := strings.Count(form, "\n") + 1
	if h <= fl {
		return padLines(form, w, h)
	}
	return padLines(body, w, h-fl) + "\n" + padLines(form, w, fl)
}

// padCount makes s exactly h lines without measuring them: for text whose
// lines are already cut to the width.
func padCount(s string, h int) string {
	h = max(h, 1)
	n := strings.Count(s, "\n") + 1
	switch {
	case n == h:
		return s
	case n < h:
		return s + strings.Repeat("\n", h-n)
	}
	i := 0
	for k := 0; k < h; k++ {
		j := strings.IndexByte(s[i:], '\n')
		if k == h-1 {
			return s[:i+j]
		}
		i += j + 1
	}
	return s
}

// wrap word-wraps plain or styled text to w cells and returns its lines.
func wrap(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	return strings.Split(ansi.Wrap(s, w, " -"), "\n")
}

// shortCommittee shortens a committee's name for a table column:
// "Overview and Scrutiny Committee" → "Overview & Scrutiny".
func shortCommittee(name string) string {
	s := strings.TrimSpace(name)
	for _, suffix := range []string{" Committee", " committee"} {
		if t := strings.TrimSuffix(s, suffix); t != "" {
			s = t
		}
	}
	s = strings.ReplaceAll(s, " and ", " & ")
	return s
}

// noCommittee is what stands for a committee whose minutes name none.
const noCommittee = "committee not named"

// committeeName is a committee's name on one line for a heading or a
// list, or noCommittee when the minutes named none: a blank would leave
// the line starting with a separator ("Meetings ›  › 2024-10-28").
func committeeName(name string) string {
	if s := oneLine(name); s != "" {
		return s
	}
	return noCommittee
}

// committeeLabel is a committee's name in at most w cells: shortened,
// and when that is still too long, its initials ("Overview & Scrutiny" →
// "O&S"), which tell committees apart where a cut name would not
// ("Environment…" for every environment committee).
// A committee with no name is "—", as an owner the minutes do not name is.
func committeeLabel(name string, w int) string {
	s := shortCommittee(oneLine(name))
	if s == "" {
		return "—"
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	var b strings.Builder
	for _, word := range strings.Fields(s) {
		switch strings.ToLower(word) {
		case "&":
			b.WriteString("&")
		case "of", "the", "for", "and", "on", "in":
		default:
			r := []rune(word)
			b.WriteString(strings.ToUpper(string(r[0])))
		}
	}
	if a := b.String(); len(a) > 1 && ansi.StringWidth(a) <= w {
		return a
	}
	return s // fit cuts it
}

// thousands writes n with thousands separators: 12,345.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// plural returns "1 meeting" or "3 meetings".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
}
