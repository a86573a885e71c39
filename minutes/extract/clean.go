package extract

import (
	"strings"
	"unicode/utf8"
)

// cleanText makes extracted text safe and plain: it turns CR LF and bare
// CR into LF (so "FAIL\rPASS" is two lines, not one that hides the
// first), removes terminal escape sequences (CSI, OSC, DCS, SOS, PM, APC,
// in their 7-bit and 8-bit forms) with their payloads, and drops every
// other control character but tab, newline and form feed (the page
// break), the bidirectional overrides and isolates, and the invisible
// soft hyphen, zero-width space and byte-order mark. Invalid UTF-8
// becomes U+FFFD. cleanText(cleanText(s)) == cleanText(s).
func cleanText(s string) string {
	if isClean(s) {
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
		case dropRune(r):
			i += n
			continue
		}
		b.WriteString(s[i : i+n])
		i += n
	}
	return b.String()
}

// isClean reports whether cleanText would return s unchanged.
func isClean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\f' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r < 0xa0 || dropRune(r) {
			return false
		}
		i += n
	}
	return true
}

// dropRune reports the characters cleanText removes outright.
func dropRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\f':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		return true
	case isBidiControl(r):
		return true
	case r == 0xad || r == 0x200b || r == 0xfeff:
		return true
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
		// bytes then one final byte.
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
// and including its terminator (BEL, ESC \ or the 8-bit ST), or to the end
// of the line when it has none, so that an unterminated string does not
// swallow the rest of the document.
func skipString(s string, i int) int {
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
			return i
		case strings.HasPrefix(s[i:], "\u009c"):
			return i + len("\u009c")
		}
		i++
	}
	return i
}
