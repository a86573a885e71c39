package tui

import (
	"strings"
	"unicode/utf8"
)

// Text from documents is untrusted: a minute can carry an escape sequence
// that recolours the terminal, moves the cursor, sets the window title or
// writes to the clipboard, and a bidi override can make a line read
// differently from what it holds. The parser strips these at ingest; the
// TUI strips them again before it draws, so that nothing it is handed can
// reach the terminal.

// Sanitise returns s without the characters that could control the
// terminal or reorder text: C0 controls other than newline and tab
// (ESC among them), DEL, C1 controls, and the bidi embedding, override and
// isolate controls. Invalid UTF-8 becomes U+FFFD. A clean string is
// returned as it is, without allocating.
func Sanitise(s string) string {
	clean := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if unsafeASCII(c) {
				clean = false
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unsafeRune(r, n) {
			clean = false
			break
		}
		i += n
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0x1b { // drop the whole escape sequence, not just its ESC
			i += escapeLen(s[i:])
			continue
		}
		if c == 0xc2 && i+1 < len(s) && (s[i+1] == 0x9b || s[i+1] == 0x9d) { // C1 CSI and OSC
			i += escapeLen(s[i:])
			continue
		}
		if c < utf8.RuneSelf {
			if c == '\r' {
				// a lone CR would return the cursor to the line start
				if i+1 >= len(s) || s[i+1] != '\n' {
					b.WriteByte('\n')
				}
			} else if !unsafeASCII(c) {
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\u2028' || r == '\u2029': // line and paragraph separators
			b.WriteByte('\n')
		case !unsafeRune(r, n):
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// maxEscape bounds how much text one escape sequence may swallow: an ESC
// that starts no well-formed sequence within it loses only itself.
const maxEscape = 256

// escapeLen returns the length of the escape sequence at the start of s
// (ESC or a C1 CSI or OSC): CSI runs to its final byte, OSC, DCS, SOS, PM
// and APC to BEL or ST, anything else is ESC and one character.
func escapeLen(s string) int {
	var kind byte
	start := 0
	switch {
	case s[0] == 0x1b && len(s) > 1:
		kind, start = s[1], 2
	case s[0] == 0x1b:
		return 1
	default: // U+009B or U+009D, two bytes in UTF-8
		kind, start = '[', 2
		if s[1] == 0x9d {
			kind = ']'
		}
	}
	switch kind {
	case '[':
		for i := start; i < len(s) && i < maxEscape; i++ {
			c := s[i]
			if c >= 0x40 && c <= 0x7e { // the final byte
				return i + 1
			}
			if c < 0x20 || c > 0x7e { // not a parameter or intermediate byte
				break
			}
		}
		return start
	case ']', 'P', 'X', '^', '_':
		for i := start; i < len(s) && i < maxEscape; i++ {
			switch {
			case s[i] == 0x07:
				return i + 1
			case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
				return i + 2
			case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
				return i + 2
			}
		}
		return start
	}
	if kind < 0x80 {
		return 2
	}
	return 1
}

func unsafeASCII(c byte) bool {
	return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f
}

func unsafeRune(r rune, n int) bool {
	switch {
	case r == utf8.RuneError && n == 1:
		return true
	case r >= 0x80 && r <= 0x9f: // C1 controls, CSI (U+009B) among them
		return true
	case r >= 0x202a && r <= 0x202e: // LRE RLE PDF LRO RLO
		return true
	case r >= 0x2066 && r <= 0x2069: // LRI RLI FSI PDI
		return true
	case r == 0x200e || r == 0x200f || r == 0x061c: // LRM RLM ALM
		return true
	case r == 0x2028 || r == 0x2029:
		return true
	case r == 0xfeff: // zero-width no-break space (a stray BOM)
		return true
	}
	return false
}

// oneLine returns s sanitised and folded onto one line: newlines and tabs
// become spaces and runs of spaces become one. It is what a table cell or
// an excerpt draws.
func oneLine(s string) string {
	s = Sanitise(s)
	if !strings.ContainsAny(s, "\n\t") && !strings.Contains(s, "  ") &&
		!strings.HasPrefix(s, " ") && !strings.HasSuffix(s, " ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r == '\n' || r == '\t' || r == ' ' {
			if !space && b.Len() > 0 {
				space = true
			}
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
