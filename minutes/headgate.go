package minutes

import "regexp"

// A headGate is a pattern anchored at the start of the text whose every
// match opens with one of a few words ("Cllr", "Mrs", "Present" …): the
// gate reads the text's first word and runs the pattern only when it is
// one of them. A list entry or a label is tried against long alternations
// of titles many times over; most texts open with a name, and a map look-up
// of the first word is far cheaper than setting up a backtracking match.
//
// The first word is the text's leading ASCII letters and digits, lowered.
// The heads must be every first word a match can open with, each followed
// in the pattern by something that is not a letter or digit (a space, a
// dot, a colon), so that the first word of a matching text is exactly a
// head. A case-blind pattern also matches a few characters beyond ASCII
// (the Kelvin sign for "k", the long s "ſ" for "s"): a first word that
// stops at a byte beyond ASCII is let through to the pattern.
// TestHeadGatesAreNecessary checks each gate on the test and development
// minutes and on an example of every branch.
type headGate struct {
	re    *regexp.Regexp
	heads map[string]bool
	// words, when not nil, is a gate the text must pass as well (a
	// label's colon or dash).
	words *gate
}

// headGates lists every head gate for TestHeadGatesAreNecessary.
var headGates []*headGate

// headGated makes a head gate for pattern, which must open with ^; words,
// if given, are a gate's words the text must also hold.
func headGated(pattern string, heads []string, words ...string) *headGate {
	h := &headGate{heads: map[string]bool{}}
	if len(words) > 0 {
		h.words = gated(pattern, words...)
		h.re = h.words.re
	} else {
		h.re = regexp.MustCompile(pattern)
	}
	for _, w := range heads {
		if len(w) > maxHead || lowerASCII(w) != w {
			panic("headGated: a head must be a lower-case word of at most maxHead bytes: " + w)
		}
		h.heads[w] = true
	}
	headGates = append(headGates, h)
	return h
}

// may reports whether s opens with one of the heads (or a word the gate
// cannot judge) and holds the gate's words.
func (h *headGate) may(s string) bool {
	var low [maxHead]byte
	i := 0
	for i < len(s) && isASCIIAlnum(s[i]) {
		if i < maxHead {
			low[i] = s[i] | asciiLowerBit(s[i])
		}
		i++
	}
	switch {
	case i < len(s) && s[i] >= 0x80:
		// A word running into a character beyond ASCII: let the pattern judge.
	case i > maxHead || !h.heads[string(low[:i])]:
		return false
	}
	return h.words == nil || h.words.may(s)
}

// maxHead is the longest head a gate may have; longer first words are no
// head.
const maxHead = 24

func (h *headGate) MatchString(s string) bool { return h.may(s) && h.re.MatchString(s) }

func (h *headGate) FindStringSubmatch(s string) []string {
	if !h.may(s) {
		return nil
	}
	return h.re.FindStringSubmatch(s)
}

func (h *headGate) ReplaceAllString(s, repl string) string {
	if !h.may(s) {
		return s
	}
	return h.re.ReplaceAllString(s, repl)
}

func isASCIIAlnum(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// lowerASCII lowers the ASCII letters of w.
func lowerASCII(w string) string {
	b := []byte(w)
	for i := range b {
		b[i] |= asciiLowerBit(b[i])
	}
	return string(b)
}

// asciiLowerBit is the bit that lowers b if it is an ASCII capital, else 0.
func asciiLowerBit(b byte) byte {
	if b >= 'A' && b <= 'Z' {
		return 0x20
	}
	return 0
}
