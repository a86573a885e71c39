package minutes

import (
	"strings"
	"unicode/utf8"
)

// Text from documents is untrusted and reaches a terminal: a minute can
// carry an escape sequence that recolours the screen, moves the cursor,
// sets the window title or writes to the clipboard (OSC 52), a bare CR
// that hides what came before it ("FAIL\rPASS"), or a bidi override that
// makes a line read differently from what it holds. Sanitize is the one
// place that makes such text safe; the readers (minutes/extract), the
// parser and the TUI all use it.

// Sanitize returns s with terminal escape sequences (CSI, OSC, DCS, SOS,
// PM, APC, in their 7-bit and 8-bit forms) removed whole, payload and all;
// a bare CR turned into a newline; every other control character dropped
// except newline and tab; and the bidi embeddings, overrides, isolates and
// marks, zero-width characters, soft hyphens and byte-order marks dropped.
// Invalid UTF-8 becomes U+FFFD. Sanitize(Sanitize(s)) == Sanitize(s), and a
// clean string is returned without allocating.
func Sanitize(s string) string { return sanitize(s, false) }

// SanitizeText is Sanitize for whole documents: it also keeps form feeds,
// which mark page breaks for the parser.
func SanitizeText(s string) string { return sanitize(s, true) }

// SanitizeLine is Sanitize folded onto one line, for a table cell, a
// badge or a value shown on one line: newlines and tabs become spaces,
// runs of spaces one, and none lead or trail. A clean one-line string is
// returned without allocating.
func SanitizeLine(s string) string {
	s = Sanitize(s)
	if !strings.ContainsAny(s, "\n\t") && !strings.Contains(s, "  ") &&
		!strings.HasPrefix(s, " ") && !strings.HasSuffix(s, " ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r == '\n' || r == '\t' || r == ' ' {
			space = b.Len() > 0
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

func sanitize(s string, keepFF bool) string {
	if isSanitized(s, keepFF) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
			i++
			continue
		case r == '\r':
			b.WriteByte('\n')
			i += n
			if i < len(s) && s[i] == '\n' {
				i++
			}
			continue
		case r == 0x1b:
			i = skipEscape(s, i+n)
			continue
		case r == 0x9b: // 8-bit CSI
			i = skipCSI(s, i+n)
			continue
		case r == 0x90 || r == 0x98 || r == 0x9d || r == 0x9e || r == 0x9f: // DCS, SOS, OSC, PM, APC
			i = skipString(s, i+n)
			continue
		case r == '\u2028' || r == '\u2029': // line and paragraph separators
			b.WriteByte('\n')
			i += n
			continue
		case r == '\f' && keepFF:
		case dropRune(r):
			i += n
			continue
		}
		b.WriteString(s[i : i+n])
		i += n
	}
	return b.String()
}

// isSanitized reports whether sanitize would return s unchanged.
func isSanitized(s string, keepFF bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\t' && c != '\n' && !(c == '\f' && keepFF)) || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || dropRune(r) {
			return false
		}
		i += n
	}
	return true
}

// dropRune reports the characters Sanitize removes outright.
func dropRune(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || r == 0x7f: // C0 (ESC among them) and DEL
		return true
	case r >= 0x80 && r <= 0x9f: // C1, including U+009B CSI
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069: // bidi embeddings, overrides, isolates
		return true
	case r >= 0x200b && r <= 0x200f, r == 0x061c, r == 0x2060, r == 0xfeff, r == 0xad:
		return true // zero-width characters, bidi marks, word joiner, BOM, soft hyphen
	case r == 0x2028 || r == 0x2029, r >= 0xfff9 && r <= 0xfffb:
		return true // line and paragraph separators, interlinear annotation
	case r == 0xfffe || r == 0xffff:
		return true // noncharacters (XML refuses them)
	}
	return false
}

// skipEscape skips the rest of a 7-bit escape sequence whose ESC ended
// just before i, and returns the index after it.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_':
		return skipString(s, i+1)
	}
	if s[i] >= 0x20 && s[i] < 0x7f {
		// Two-character sequences (ESC c, ESC 7, ESC ( B …): intermediate
		// bytes, then one final byte.
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] < 0x7f {
			i++
		}
	}
	return i
}

// skipCSI skips a control sequence's parameter, intermediate and final
// bytes.
func skipCSI(s string, i int) int {
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x3f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] < 0x7f {
		i++
	}
	return i
}

// skipString skips the payload of an OSC, DCS, SOS, PM or APC string up to
// and including its terminator (BEL, ESC \ or the 8-bit ST). A string with
// no terminator on its line loses only its introducer: its payload stays
// as text, so that a stray ESC ] cannot hide what follows it.
func skipString(s string, i int) int {
	start := i
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i // a new sequence starts: let the caller handle it
		case s[i] == '\n' || s[i] == '\r':
			return start
		case strings.HasPrefix(s[i:], "\u009c"):
			return i + len("\u009c")
		}
		i++
	}
	return start
}
