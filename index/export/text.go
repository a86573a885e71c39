package export

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/minutebook/minutebook/minutes"
)

// clean makes document text safe for every format: invalid UTF-8 becomes
// U+FFFD, and control characters (escape sequences, form feeds, NULs; all
// of which XML, iCalendar and terminals reject or misread) become spaces.
// Newlines and tabs are kept; CRLF and lone CR become LF. Text is otherwise
// left verbatim.
func clean(s string) string {
	ok := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c >= 0x80 {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\r':
			b.WriteByte('\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case unicode.IsControl(r), r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			b.WriteByte(' ')
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// oneLine is clean(s) with runs of whitespace (newlines included) folded to
// one space, for places a line break would break the layout.
func oneLine(s string) string {
	return strings.Join(strings.Fields(clean(s)), " ")
}

// longDate is how a clerk writes a date: "14 December 2021".
func longDate(d minutes.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("2 January 2006")
}

// shortDate is a compact date for table cells: "14 Dec 2021".
func shortDate(d minutes.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("2 Jan 2006")
}

// compareMinutes orders minute numbers as printed the way a reader would:
// "9" before "10", "12(a)" before "12(b)", numbers before words.
func compareMinutes(a, b string) int {
	for a != "" && b != "" {
		da, ra := leadingDigits(a)
		db, rb := leadingDigits(b)
		switch {
		case da != "" && db != "":
			if c := compareDigits(da, db); c != 0 {
				return c
			}
			a, b = ra, rb
			continue
		case da != "":
			return -1
		case db != "":
			return 1
		}
		ca, sa := utf8.DecodeRuneInString(a)
		cb, sb := utf8.DecodeRuneInString(b)
		ca, cb = unicode.ToLower(ca), unicode.ToLower(cb)
		if ca != cb {
			if ca < cb {
				return -1
			}
			return 1
		}
		a, b = a[sa:], b[sb:]
	}
	switch {
	case a == "" && b == "":
		return 0
	case a == "":
		return -1
	}
	return 1
}

func leadingDigits(s string) (digits, rest string) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i], s[i:]
}

func compareDigits(a, b string) int {
	a = strings.TrimLeft(a, "0")
	b = strings.TrimLeft(b, "0")
	if len(a) != len(b) {
		if len(a) < len(b) {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}

// kindLabel names a record's kind for a column: "Action", "Follow-up".
func kindLabel(k minutes.Kind) string {
	switch k {
	case minutes.KindAction:
		return "Action"
	case minutes.KindFollowUp:
		return "Follow-up"
	case minutes.KindResolution:
		return "Resolution"
	}
	return string(k)
}
