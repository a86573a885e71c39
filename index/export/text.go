package export

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/minutebook/minutebook/minutes"
)

// clean makes document text safe for every format (XML, iCalendar,
// CSV and terminals refuse or misread control characters and escape
// sequences): minutes.Sanitize, the one sanitiser.
func clean(s string) string { return minutes.Sanitize(s) }

// oneLine is clean(s) folded onto one line, for places a line break would
// break the layout: minutes.SanitizeLine.
func oneLine(s string) string { return minutes.SanitizeLine(s) }

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
func kindLabel(k minutes.Kind) string { return capital(k.Label()) }

// capital is s with its first letter in capitals: a label as a column or
// heading shows it.
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
