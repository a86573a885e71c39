package minutes

import "strings"

// An anyOf is a fixed list of substrings looked for in one pass. Many of
// the parser's cheap tests ask whether a line holds any of twenty or thirty
// stems ("meeting", "defer", "return" …); asking strings.Contains once per
// stem walks the line once per stem. An anyOf walks it once, and where two
// bytes open one of the stems, tries the stems that start with the first.
// The answer is the same as strings.Contains over the list: case is
// matched as written.
type anyOf struct {
	// pair[b] has bit c set when a stem starts with the bytes b, c (every
	// c for a stem of one byte): most bytes of a line open none.
	pair  [256][4]uint64
	by    [256][]string // the stems, by their first byte
	short bool          // a stem is one byte long
	empty bool          // a stem is "": every string holds it
	fold  bool          // ASCII letters match in either case
	none  bool          // there are no stems: no string holds one
}

// newAnyOf makes the set for words.
func newAnyOf(words ...string) *anyOf {
	a := &anyOf{none: len(words) == 0}
	for _, w := range words {
		switch len(w) {
		case 0:
			a.empty = true
			continue
		case 1:
			a.short = true
			a.pair[w[0]] = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
		default:
			a.pair[w[0]][w[1]>>6] |= 1 << (w[1] & 63)
		}
		a.by[w[0]] = append(a.by[w[0]], w)
	}
	return a
}

// newFoldAnyOf makes the set for lower-case words found in any case of
// their ASCII letters, as containsFoldASCII finds them. For lowerIn the
// words must be ASCII.
func newFoldAnyOf(words ...string) *anyOf {
	a := &anyOf{fold: true, none: len(words) == 0}
	for _, w := range words {
		if w == "" {
			a.empty = true
			continue
		}
		for _, b := range cases(w[0]) {
			if len(w) == 1 {
				a.short = true
				a.pair[b] = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
			} else {
				for _, c := range cases(w[1]) {
					a.pair[b][c>>6] |= 1 << (c & 63)
				}
			}
			a.by[b] = append(a.by[b], w)
		}
	}
	return a
}

// lowerIn reports whether strings.ToLower(s) holds one of the words of a
// folding set. The text is not copied: its letters are folded as they are
// compared, unless it holds a character that lowers to ASCII (foldsAsLower).
func (a *anyOf) lowerIn(s string) bool {
	if foldsAsLower(s) {
		return a.in(s)
	}
	return a.in(strings.ToLower(s))
}

// foldsAsLower reports whether folding the ASCII letters of s finds the
// ASCII words strings.ToLower(s) holds: true unless s has one of the two
// characters that lower to ASCII, İ (U+0130, to "i") and the Kelvin sign
// (U+212A, to "k").
func foldsAsLower(s string) bool {
	return isASCII(s) || !strings.Contains(s, "\u0130") && !strings.Contains(s, "\u212a")
}

// cases is the byte in both its ASCII cases (once if it has no other).
func cases(b byte) []byte {
	switch {
	case b >= 'a' && b <= 'z':
		return []byte{b, b - 'a' + 'A'}
	case b >= 'A' && b <= 'Z':
		return []byte{b, b - 'A' + 'a'}
	}
	return []byte{b}
}

// in reports whether s holds one of the stems, as strings.Contains would.
func (a *anyOf) in(s string) bool {
	if a.empty || a.none {
		return a.empty
	}
	n := len(s) - 1
	for i := 0; i < n; i++ {
		if a.pair[s[i]][s[i+1]>>6]&(1<<(s[i+1]&63)) == 0 {
			continue
		}
		for _, w := range a.by[s[i]] {
			if a.at(s[i:], w) {
				return true
			}
		}
	}
	if a.short && n >= 0 {
		// The last byte can only be a stem of one byte.
		for _, w := range a.by[s[n]] {
			if len(w) == 1 && a.at(s[n:], w) {
				return true
			}
		}
	}
	return false
}

// at reports whether s starts with the stem w.
func (a *anyOf) at(s, w string) bool {
	if a.fold {
		return len(s) >= len(w) && equalFoldASCII(s[:len(w)], w)
	}
	return strings.HasPrefix(s, w)
}
