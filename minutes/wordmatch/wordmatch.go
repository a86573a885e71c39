// Package wordmatch says when two texts are the same record: the rule the
// parser's clerk scorer (minutes/internal/clerkeval) and the library's
// corrections (index) share. Texts fold to lower case without accents,
// every run of characters other than letters and digits is one break, and
// two texts are compared by the Dice coefficient of their word multisets.
package wordmatch

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Words returns s's words, folded: lower case, accents dropped.
func Words(s string) []string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r): // a combining accent: drop it, keep its letter
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Fields(b.String())
}

// Dice is the Dice coefficient of two word multisets, 2|A∩B|/(|A|+|B|);
// 0 when both are empty.
func Dice(a, b []string) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	count := make(map[string]int, len(a))
	for _, t := range a {
		count[t]++
	}
	common := 0
	for _, t := range b {
		if count[t] > 0 {
			count[t]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}
