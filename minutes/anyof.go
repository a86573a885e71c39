package minutes

import "strings"

// An anyOf is a fixed list of substrings looked for in one pass. Many of
// the parser's cheap tests ask whether a line holds any of twenty or thirty
// stems ("meeting", "defer", "return" …); asking strings.Contains once per
// stem walks the line once per stem. An anyOf walks it once, and at each
// byte tries only the stems that start with that byte. The answer is the
// same as strings.Contains over the list: case is matched as written.
type anyOf struct {
	first [256]bool     // bytes a stem starts with
	by    [256][]string // the stems, by their first byte
	words []string      // as given, for the empty stem
	empty bool          // one stem is "": every string holds it
}

// newAnyOf makes the set for words.
func newAnyOf(words ...string) *anyOf {
	a := &anyOf{words: words}
	for _, w := range words {
		if w == "" {
			a.empty = true
			continue
		}
		a.first[w[0]] = true
		a.by[w[0]] = append(a.by[w[0]], w)
	}
	return a
}

// in reports whether s holds one of the stems, as strings.Contains would.
func (a *anyOf) in(s string) bool {
	if a.empty {
		return true
	}
	for i := 0; i < len(s); i++ {
		if !a.first[s[i]] {
			continue
		}
		for _, w := range a.by[s[i]] {
			if strings.HasPrefix(s[i:], w) {
				return true
			}
		}
	}
	return false
}
