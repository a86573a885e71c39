package tui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/minutebook/minutebook/minutes"
)

// The item page's text selection: a cursor on a sentence of the item's
// text (v, or a mouse drag), moved by sentence (←/→) or line (↑/↓) and
// extended with shift or after v, to make a record of (a action, f
// follow-up, r resolution) or to be a record's text (T, then enter). The
// selection is of whole sentences; e opens the words of a record's text
// in a prompt, to trim them.

// unit is one sentence of the item's text as the page lays it out: a byte
// range of the page's body, spaces trimmed.
type unit struct{ from, to int }

// sentences splits a body into sentences: at a full stop, question or
// exclamation mark followed by a space, at a line break, and at a colon
// that ends a heading line ("RESOLVED:").
func sentences(body string) []unit {
	var out []unit
	start := -1
	end := func(i int) {
		if start >= 0 {
			to := i
			for to > start && unicode.IsSpace(rune(body[to-1])) {
				to--
			}
			if to > start {
				out = append(out, unit{start, to})
			}
		}
		start = -1
	}
	for i := 0; i < len(body); {
		r, n := utf8.DecodeRuneInString(body[i:])
		switch {
		case r == '\n':
			end(i)
		case start < 0 && !unicode.IsSpace(r):
			start = i
		}
		i += n
		if start >= 0 && (r == '.' || r == '?' || r == '!' || r == ':' && !strings.Contains(body[start:i], " ")) {
			// A sentence ends where the next word starts in capitals or a
			// digit or quote: "fly-tipping. An officer". "e.g. the" does not.
			j := i
			for j < len(body) && body[j] == ' ' {
				j++
			}
			if j == len(body) || j > i && startsSentence(body[j:]) || body[j] == '\n' {
				end(i)
			}
		}
	}
	end(len(body))
	return out
}

// startsSentence reports whether s starts as a sentence does.
func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'‘“(•–-", r)
}

// spanSel is the selection: sentences anchor to cursor (either way).
type spanSel struct {
	on       bool
	units    []unit
	anchor   int
	cursor   int
	extend   bool   // v pressed in the selection: moves extend it
	editing  string // the record whose text the selection is to be ("" to make a new one)
	dragging bool   // the mouse is held down on the text
	pos      []linePos
}

// linePos is where a sentence starts on the page: its line and column.
type linePos struct{ line, col int }

// bounds are the first and last sentence selected.
func (s *spanSel) bounds() (int, int) {
	a, b := s.anchor, s.cursor
	if a > b {
		a, b = b, a
	}
	return a, b
}

// span is the byte range of the body selected.
func (s *spanSel) span() (int, int) {
	if !s.on || len(s.units) == 0 {
		return -1, -1
	}
	a, b := s.bounds()
	return s.units[a].from, s.units[b].to
}

// moveTo puts the cursor on sentence i; without extend the anchor goes
// with it.
func (s *spanSel) moveTo(i int, extend bool) {
	if len(s.units) == 0 {
		return
	}
	s.cursor = min(max(i, 0), len(s.units)-1)
	if !extend && !s.extend {
		s.anchor = s.cursor
	}
}

// lineStep is the sentence starting on the nearest line above (d < 0) or
// below (d > 0) the cursor's that a sentence starts on: the first one
// there.
func (s *spanSel) lineStep(d int) int {
	if len(s.pos) != len(s.units) || len(s.units) == 0 {
		return s.cursor + d
	}
	line := s.pos[s.cursor].line
	if d > 0 {
		for i := s.cursor + 1; i < len(s.units); i++ {
			if s.pos[i].line > line {
				return i
			}
		}
		return len(s.units) - 1
	}
	above := -1
	for i := s.cursor - 1; i >= 0; i-- {
		if s.pos[i].line < line {
			above = s.pos[i].line
			break
		}
	}
	for i := range s.units {
		if s.pos[i].line == above {
			return i
		}
	}
	return 0
}

// at is the sentence at (line, col) of the page: the last one that starts
// before it.
func (s *spanSel) at(line, col int) int {
	best := 0
	for i, p := range s.pos {
		if p.line < line || p.line == line && p.col <= col {
			best = i
		}
	}
	return best
}

// spanMove is what a key in the selection asks of the page.
type spanMove int

const (
	spanStay spanMove = iota
	spanLeave
	spanMake // make a record of the selection, of kind spanKind
	spanSave // the selection is the edited record's text
	spanWords
)

// spanKey handles a key in the selection.
func (v *itemPage) spanKey(msg tea.KeyMsg) (spanMove, minutes.Kind) {
	k := v.sh.keys
	s := &v.sel
	switch {
	case key.Matches(msg, k.ExtendPrev):
		s.moveTo(s.cursor-1, true)
	case key.Matches(msg, k.ExtendNext):
		s.moveTo(s.cursor+1, true)
	case key.Matches(msg, k.ExtendUp):
		s.moveTo(s.lineStep(-1), true)
	case key.Matches(msg, k.ExtendDown):
		s.moveTo(s.lineStep(1), true)
	case key.Matches(msg, k.SentencePrev):
		s.moveTo(s.cursor-1, false)
	case key.Matches(msg, k.SentenceNext):
		s.moveTo(s.cursor+1, false)
	case key.Matches(msg, k.LinePrev):
		s.moveTo(s.lineStep(-1), false)
	case key.Matches(msg, k.LineNext):
		s.moveTo(s.lineStep(1), false)
	case key.Matches(msg, k.Select):
		s.extend = !s.extend
	case key.Matches(msg, k.Back):
		return spanLeave, ""
	case s.editing != "" && key.Matches(msg, k.Submit):
		return spanSave, ""
	case s.editing != "" && key.Matches(msg, k.EditSelection):
		return spanWords, ""
	case s.editing == "" && key.Matches(msg, k.MakeAction):
		return spanMake, minutes.KindAction
	case s.editing == "" && key.Matches(msg, k.MakeFollowUp):
		return spanMake, minutes.KindFollowUp
	case s.editing == "" && key.Matches(msg, k.MakeResolution):
		return spanMake, minutes.KindResolution
	case key.Matches(msg, k.PageUp):
		v.scrollBy(-(v.height - 3))
		return spanStay, ""
	case key.Matches(msg, k.PageDown):
		v.scrollBy(v.height - 3)
		return spanStay, ""
	default:
		return spanStay, ""
	}
	v.linesFor.valid = false
	v.buildItem()
	v.revealLine(v.cursorLine())
	return spanStay, ""
}

// startSelect starts a selection on the sentence first in sight, or the
// chosen record's first.
func (v *itemPage) startSelect(editing string) {
	v.sel = spanSel{on: true, editing: editing, units: sentences(v.body())}
	v.linesFor.valid = false
	v.buildItem()
	first := 0
	for i, p := range v.sel.pos {
		if p.line >= v.scroll {
			first = i
			break
		}
	}
	v.sel.anchor, v.sel.cursor = first, first
	if r, ok := v.selected(); ok {
		if from, to := normIndex(v.body(), block(r.Text)); from >= 0 {
			v.selectRange(from, to)
		}
	}
	v.linesFor.valid = false
	v.buildItem()
	v.revealLine(v.cursorLine())
}

// selectRange selects the sentences the byte range from–to of the body
// touches.
func (v *itemPage) selectRange(from, to int) {
	s := &v.sel
	a, b := -1, -1
	for i, u := range s.units {
		if u.to > from && u.from < to {
			if a < 0 {
				a = i
			}
			b = i
		}
	}
	if a >= 0 {
		s.anchor, s.cursor = a, b
	}
}

// stopSelect ends the selection.
func (v *itemPage) stopSelect() {
	v.sel = spanSel{}
	v.linesFor.valid = false
	v.buildItem()
}

// selection is the text selected, as the page shows it.
func (v *itemPage) selection() string {
	from, to := v.sel.span()
	if from < 0 {
		return ""
	}
	return strings.TrimSpace(v.body()[from:to])
}

func (v *itemPage) cursorLine() int {
	if v.sel.cursor < len(v.sel.pos) {
		return v.sel.pos[v.sel.cursor].line
	}
	return v.scroll
}

// revealLine scrolls so that line l is in sight.
func (v *itemPage) revealLine(l int) {
	h := v.itemBodyHeight()
	if l < v.scroll || l >= v.scroll+h-1 {
		v.scroll = max(l-2, 0)
	}
	v.clampScroll()
}

// spanMouse handles the mouse on the text: a press puts the cursor on the
// sentence there (starting a selection), a drag extends it.
func (v *itemPage) spanMouse(msg tea.MouseMsg) bool {
	line := v.scroll + msg.Y - 2
	col := msg.X - 2
	inText := line >= 0 && line < v.textLines
	switch {
	case msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft:
		if !inText {
			return false
		}
		if !v.sel.on {
			v.sel = spanSel{on: true, units: sentences(v.body())}
			v.linesFor.valid = false
			v.buildItem()
		}
		i := v.sel.at(line, col)
		v.sel.anchor, v.sel.cursor, v.sel.dragging = i, i, true
	case msg.Action == tea.MouseActionMotion && v.sel.dragging:
		if line < 0 {
			line = 0
		}
		v.sel.cursor = v.sel.at(min(line, max(v.textLines-1, 0)), col)
	case msg.Action == tea.MouseActionRelease && v.sel.dragging:
		v.sel.dragging = false
	default:
		return false
	}
	v.linesFor.valid = false
	v.buildItem()
	return true
}

// spanHelp is the keys of the selection.
func (v *itemPage) spanHelp() []key.Binding {
	k := v.sh.keys
	if v.sel.editing != "" {
		return []key.Binding{withHelp(k.Submit, "use as its text"), k.EditSelection, withHelp(k.SentenceNext, "sentence"),
			withHelp(k.LineNext, "line"), withHelp(k.ExtendNext, "extend"), withHelp(k.Back, "cancel")}
	}
	return []key.Binding{k.MakeAction, k.MakeFollowUp, k.MakeResolution, withHelp(k.SentenceNext, "sentence"),
		withHelp(k.LineNext, "line"), withHelp(k.ExtendNext, "extend"), withHelp(k.Select, "extend on/off"), withHelp(k.Back, "cancel")}
}
