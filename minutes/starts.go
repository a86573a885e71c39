package minutes

import (
	"regexp"
	"strings"
)

// A startAt is a pattern that opens with \b and a word character, run
// only where a match can open. Go's regexp tries a pattern at every byte
// of the text; on a long text (an item that runs for pages, a bound
// volume) that is most of the parser's time for the date patterns. A
// match can only start at a word's first character, and only at some
// words (a digit, a month's name): startAt finds those with a plain scan
// and tries the pattern anchored there. The matches are the ones
// FindAllStringSubmatchIndex gives, in the same order (TestStartAt).
type startAt struct {
	re       *regexp.Regexp // the pattern, for text where the scan cannot be trusted
	anchored *regexp.Regexp // the same pattern behind ^
	// opens reports whether a match can start at s[i], a word character
	// after a non-word one (or at the start).
	opens func(s string, i int) bool
	// unsafe reports text the scan must not be used on (a character the
	// pattern folds to a letter opens may not see); nil when none.
	unsafe func(s string) bool
}

func newStartAt(pattern string, opens func(s string, i int) bool, unsafe func(s string) bool) *startAt {
	return &startAt{re: regexp.MustCompile(pattern), anchored: regexp.MustCompile(`^(?:` + pattern + `)`), opens: opens, unsafe: unsafe}
}

// FindAllStringSubmatchIndex is re.FindAllStringSubmatchIndex(s, -1).
//
// Why it is the same: the pattern opens with \b and a word character, so
// every match starts at a word character whose byte before is not one (Go's
// \b is ASCII); at such a place the anchored pattern on s[i:] sees the same
// \b (the text's start is not a word character either) and the same bytes
// after, so it matches as the pattern would starting there. Leftmost-first
// search takes the first place a match starts, then searches on from its
// end: the loop does the same over the places opens allows, which include
// every place a match can start.
func (a *startAt) FindAllStringSubmatchIndex(s string) [][]int {
	if a.unsafe != nil && a.unsafe(s) {
		return a.re.FindAllStringSubmatchIndex(s, -1)
	}
	var out [][]int
	for i := 0; i < len(s); i++ {
		if !isWordByte(s[i]) || i > 0 && isWordByte(s[i-1]) || !a.opens(s, i) {
			continue
		}
		m := a.anchored.FindStringSubmatchIndex(s[i:])
		if m == nil || m[1] == 0 {
			continue // (the patterns match at least a word character)
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += i
			}
		}
		out = append(out, m)
		i = m[1] - 1 // (the loop steps on to the match's end)
	}
	return out
}

// isWordByte reports an ASCII word character, as \b reads them.
func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// opensDigit lets a match open at a digit.
func opensDigit(s string, i int) bool { return s[i] >= '0' && s[i] <= '9' }

// opensMonth lets a match open at the first three letters of a month's
// name, in any case ("Dec", "SEPT", "may").
func opensMonth(s string, i int) bool {
	if i+3 > len(s) {
		return false
	}
	var b [3]byte
	for k := range b {
		c := s[i+k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[k] = c
	}
	switch string(b[:]) {
	case "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec":
		return true
	}
	return false
}

// hasLongS reports a long s (ſ), which a pattern that ignores case reads
// as "s" ("ſept" for "Sept"): opensMonth does not.
func hasLongS(s string) bool { return strings.Contains(s, "ſ") }
