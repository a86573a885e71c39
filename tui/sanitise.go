package tui

import (
	"strings"

	"github.com/minutebook/minutebook/minutes"
)

// Text from documents is untrusted: a minute can carry an escape sequence
// that recolours the terminal, moves the cursor, sets the window title or
// writes to the clipboard, and a bidi override can make a line read
// differently from what it holds. The parser strips these at ingest; the
// TUI strips them again before it draws, so that nothing it is handed can
// reach the terminal.

// Sanitise returns s without the characters that could control the
// terminal or reorder text: escape sequences whole, C0 controls other than
// newline and tab, DEL, C1 controls, and the bidi embedding, override and
// isolate controls (see minutes.Sanitize, which this is). A clean string
// is returned as it is, without allocating.
func Sanitise(s string) string { return minutes.Sanitize(s) }

// oneLine returns s sanitised and folded onto one line (see
// minutes.SanitizeLine, which this is). It is what a table cell or an
// excerpt draws.
func oneLine(s string) string { return minutes.SanitizeLine(s) }

// block returns s sanitised for drawing as a block of lines: tabs become
// four spaces (so widths can be measured) and trailing spaces go.
func block(s string) string {
	s = Sanitise(s)
	if strings.Contains(s, "\t") {
		s = strings.ReplaceAll(s, "\t", "    ")
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}
