package minutes

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Dates in minutes come in every form: "14 December 2021", "Tuesday 14th
// December 2021", "December 14, 2021", "14/12/2021", "14.12.21", "2021-12-14",
// OCR's "12™ MAY 2015" and split ordinals "2 nd July 2019".

const monthNames = `jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`

var (
	// (Each runs only where a match can open: startAt.)
	// OCR turns ordinals into marks: "12™ MAY", "3* February", "8” June".
	reDayMonthYear = newStartAt(`(?i)\b(\d{1,2})\s?(?:st|nd|rd|th|™|"|\*|”|’|'|°|º)?(?:\s+day)?(?:\s+of)?\s*(`+monthNames+`)\.?,?\s+(\d{4})\b`, opensDigit, nil)
	reMonthDayYear = newStartAt(`(?i)\b(`+monthNames+`)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, opensMonth, hasLongS)
	reNumericDate  = newStartAt(`\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b`, opensDigit, nil)
	reISODate      = newStartAt(`\b(\d{4})-(\d{2})-(\d{2})\b`, opensDigit, nil)
	reMonthYear    = regexp.MustCompile(`(?i)\b(` + monthNames + `)\.?,?\s+(\d{4})\b`)
)

// gatedMonths is a pattern that needs a month's name, behind the names'
// first three letters (and a long s, ſ, which the pattern reads as the s
// of "Sept").
func gatedMonths(pattern string) *gate {
	return gatedCased(pattern, []string{"ſ"}, "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
}

// dateMatch is a date found in text, with its byte span.
type dateMatch struct {
	Date       Date
	Start, End int
}

func monthOf(s string) time.Month {
	s = strings.ToLower(s)
	if len(s) < 3 {
		return 0
	}
	switch s[:3] {
	case "jan":
		return time.January
	case "feb":
		return time.February
	case "mar":
		return time.March
	case "apr":
		return time.April
	case "may":
		return time.May
	case "jun":
		return time.June
	case "jul":
		return time.July
	case "aug":
		return time.August
	case "sep":
		return time.September
	case "oct":
		return time.October
	case "nov":
		return time.November
	case "dec":
		return time.December
	}
	return 0
}

func validDate(y int, m time.Month, d int) (Date, bool) {
	if y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return Date{}, false
	}
	if d > EndOfMonth(y, m).Day {
		return Date{}, false
	}
	return Date{y, m, d}, true
}

// findDates returns every full date in s, in order. Numeric dates are read
// day first (the UK, Irish and Australian way) unless that is impossible
// or usDates is set.
func findDates(s string, usDates bool) []dateMatch {
	if !strings.ContainsAny(s, "0123456789") {
		return nil
	}
	var out []dateMatch
	add := func(d Date, ok bool, a, b int) {
		if !ok {
			return
		}
		for _, m := range out {
			if a < m.End && b > m.Start {
				return
			}
		}
		out = append(out, dateMatch{d, a, b})
	}
	for _, m := range reDayMonthYear.FindAllStringSubmatchIndex(s) {
		d, _ := strconv.Atoi(s[m[2]:m[3]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		v, ok := validDate(y, monthOf(s[m[4]:m[5]]), d)
		add(v, ok, m[0], m[1])
	}
	for _, m := range reMonthDayYear.FindAllStringSubmatchIndex(s) {
		d, _ := strconv.Atoi(s[m[4]:m[5]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		v, ok := validDate(y, monthOf(s[m[2]:m[3]]), d)
		add(v, ok, m[0], m[1])
	}
	for _, m := range reISODate.FindAllStringSubmatchIndex(s) {
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		d, _ := strconv.Atoi(s[m[6]:m[7]])
		v, ok := validDate(y, time.Month(mo), d)
		add(v, ok, m[0], m[1])
	}
	for _, m := range reNumericDate.FindAllStringSubmatchIndex(s) {
		a, _ := strconv.Atoi(s[m[2]:m[3]])
		b, _ := strconv.Atoi(s[m[4]:m[5]])
		ys := s[m[6]:m[7]]
		y, _ := strconv.Atoi(ys)
		if len(ys) == 2 {
			y += 2000
			if y > 2069 {
				y -= 100
			}
		}
		// "6.30" style times and decimals are not dates: need a year part.
		day, mon := a, b
		if usDates || b > 12 {
			day, mon = b, a
		}
		v, ok := validDate(y, time.Month(mon), day)
		add(v, ok, m[0], m[1])
	}
	// Keep document order.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Start < out[j-1].Start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

var reTime = regexp.MustCompile(`(?i)\b(\d{1,2})(?:[.:](\d{2}))?\s*(a\.?m\.?|p\.?m\.?|hrs|hours)?(?:\b|$)`)

// parseClock reads "6.30 pm", "18:30", "9.45 A.M.", "21.55pm" into "18:30".
func parseClock(s string) (string, bool) {
	m := reTime.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	h, _ := strconv.Atoi(m[1])
	min := 0
	if m[2] != "" {
		min, _ = strconv.Atoi(m[2])
	}
	ampm := strings.ToLower(strings.ReplaceAll(m[3], ".", ""))
	if m[2] == "" && ampm == "" {
		return "", false
	}
	switch {
	case ampm == "pm" && h < 12:
		h += 12
	case ampm == "am" && h == 12:
		h = 0
	}
	if h > 23 || min > 59 {
		return "", false
	}
	return pad2(h) + ":" + pad2(min), true
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30,
	"a": 1, "an": 1,
}

// countWord reads "6", "six" or "a" as a number.
func countWord(s string) (int, bool) {
	s = strings.ToLower(s)
	if n, err := strconv.Atoi(s); err == nil && n > 0 && n < 1000 {
		return n, true
	}
	n, ok := numberWords[s]
	return n, ok
}

var (
	reDayMonth = regexp.MustCompile(`(?i)\b(\d{1,2})\s?(?:st|nd|rd|th|™|"|\*|”|’|°|º)?(?:\s+of)?\s+(` + monthNames + `)\b\.?`)
	reMonthDy  = regexp.MustCompile(`(?i)\b(` + monthNames + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b`)
)

// findYearless finds dates printed without a year ("Thursday 11th
// December", "by 21st August", "on the 9th January", "March 3") and
// places each on its next occurrence after the meeting. Dates with a year
// are left to findDates.
func findYearless(s string, after Date) []dateMatch {
	if after.IsZero() || !strings.ContainsAny(s, "0123456789") {
		return nil
	}
	var out []dateMatch
	place := func(mo time.Month, d, a, b int) {
		for y := after.Year; y <= after.Year+1; y++ {
			if v, ok := validDate(y, mo, d); ok && v.After(after) {
				out = append(out, dateMatch{v, a, b})
				return
			}
		}
	}
	full := findDates(s, false)
	inFull := func(a int) bool {
		for _, f := range full {
			if a >= f.Start && a < f.End {
				return true
			}
		}
		return false
	}
	for _, m := range reDayMonth.FindAllStringSubmatchIndex(s, -1) {
		if inFull(m[0]) || len(s[m[4]:m[5]]) < 3 {
			continue
		}
		d, _ := strconv.Atoi(s[m[2]:m[3]])
		place(monthOf(s[m[4]:m[5]]), d, m[0], m[1])
	}
	for _, m := range reMonthDy.FindAllStringSubmatchIndex(s, -1) {
		if inFull(m[0]) || len(s[m[2]:m[3]]) < 3 {
			continue
		}
		d, _ := strconv.Atoi(s[m[4]:m[5]])
		place(monthOf(s[m[2]:m[3]]), d, m[0], m[1])
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Start < out[j-1].Start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
